import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { parseParams, unflatten } from "@/lib/openapi/params";
import { catalogActions } from "@/lib/ecs/catalog/actions";
import { imageApiActions } from "@/lib/ecs/images/actions";

// DescribeImages is the images domain's (custom images beside the catalog's public ones).
const actions = { ...catalogActions, ...imageApiActions };
const parse = (action: string, flat: Record<string, string>) =>
  parseParams(actions[action].params, unflatten(flat));

const errorOf = (action: string, flat: Record<string, string>) => {
  try {
    parse(action, flat);
  } catch (error) {
    if (isAppError(error)) return [error.code, error.message];
    throw error;
  }
  return undefined;
};

describe("catalog action parameters", () => {
  it("registers the five actions", () => {
    expect(Object.keys(catalogActions).sort()).toEqual([
      "DescribeAvailableResource",
      "DescribeInstanceTypeFamilies",
      "DescribeInstanceTypes",
      "DescribeRegions",
      "DescribeZones",
    ]);
  });

  it("parse repeated, integer, decimal and boolean values; drop parameters they do not use", () => {
    expect(
      parse("DescribeInstanceTypes", {
        "InstanceTypes.1": "ecs.g7.large",
        "InstanceTypes.2": "ecs.c7.large",
        MaxResults: "5",
        OwnerId: "1",
      }),
    ).toEqual({
      InstanceTypes: ["ecs.g7.large", "ecs.c7.large"],
      MaxResults: 5,
    });
    expect(parse("DescribeInstanceTypes", { MinimumMemorySize: "8.0" })).toEqual({
      MinimumMemorySize: 8,
    });
    expect(parse("DescribeZones", { Verbose: "false", AcceptLanguage: "en-US" })).toEqual({
      Verbose: false,
      AcceptLanguage: "en-US",
    });
    expect(
      parse("DescribeImages", { PageNumber: "2", PageSize: "100", Status: "Available,Creating" }),
    ).toMatchObject({ PageNumber: 2, PageSize: 100 });
  });

  it.each([
    ["DescribeRegions", { AcceptLanguage: "fr" }, "AcceptLanguage"],
    ["DescribeZones", { Verbose: "yes" }, "Verbose"],
    ["DescribeInstanceTypes", { MaxResults: "1.5" }, "MaxResults"],
    ["DescribeInstanceTypes", { MaxResults: "0" }, "MaxResults"],
    ["DescribeInstanceTypes", { MaxResults: "1601" }, "MaxResults"],
    ["DescribeInstanceTypes", { CpuArchitecture: "x86" }, "CpuArchitecture"],
    ["DescribeInstanceTypeFamilies", { Generation: "ecs-9" }, "Generation"],
    ["DescribeImages", { PageSize: "101" }, "PageSize"],
    ["DescribeImages", { PageNumber: "0" }, "PageNumber"],
    ["DescribeImages", { OSType: "Linux" }, "OSType"],
    ["DescribeImages", { ImageOwnerAlias: "amazon" }, "ImageOwnerAlias"],
    ["DescribeImages", { Status: "Available,Gone" }, "Status"],
    ["DescribeAvailableResource", { DestinationResource: "Disk" }, "DestinationResource"],
    ["DescribeAvailableResource", { DestinationResource: "Zone", Cores: "two" }, "Cores"],
  ])("%s %j → InvalidParameter on %s", (action, flat, name) => {
    expect(errorOf(action, flat)).toEqual([
      "InvalidParameter",
      `The specified parameter "${name}" is not valid.`,
    ]);
  });

  it("DescribeAvailableResource without DestinationResource → MissingParameter", () => {
    expect(errorOf("DescribeAvailableResource", {})).toEqual([
      "MissingParameter",
      'The input parameter "DestinationResource" that is mandatory for processing this request is not supplied.',
    ]);
  });
});
