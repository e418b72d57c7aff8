import * as $Ecs from "@alicloud/ecs20140526";
import { describe, expect, it } from "vitest";
import {
  buildDescribeAvailableResourceBody,
  DESTINATION_RESOURCES,
} from "@/lib/ecs/catalog/available-resource";
import { buildDescribeImagesBody } from "@/lib/ecs/catalog/image-wire";
import {
  buildDescribeInstanceTypeFamiliesBody,
  buildDescribeInstanceTypesBody,
} from "@/lib/ecs/catalog/instance-type-wire";
import { buildDescribeRegionsBody, buildDescribeZonesBody } from "@/lib/ecs/catalog/region-wire";

/**
 * Every body against the official SDK model it will be read with: each key must be a wire name
 * of the model (`names()`), each value exactly the model's type (`types()`). The SDK's own cast
 * is lenient about some mismatches and silently drops unknown keys; this check is neither.
 */
type ModelClass = { names(): Record<string, string>; types(): Record<string, unknown> };

function shapeErrors(model: ModelClass, value: unknown, path: string): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return [`${path}: expected an object`];
  const names = model.names();
  const types = model.types();
  const fieldByWireName = new Map(Object.entries(names).map(([field, wire]) => [wire, field]));
  return Object.entries(value).flatMap(([wire, child]) => {
    const field = fieldByWireName.get(wire);
    if (!field) return [`${path}.${wire}: not a wire name of the model`];
    return typeErrors(types[field], child, `${path}.${wire}`);
  });
}

function typeErrors(type: unknown, value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (typeof type === "string")
    return typeof value === type ? [] : [`${path}: expected ${type}, got ${typeof value}`];
  if (typeof type === "function") return shapeErrors(type as unknown as ModelClass, value, path);
  const container = type as { type?: string; itemType?: unknown };
  if (container.type === "array") {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    return value.flatMap((item, i) => typeErrors(container.itemType, item, `${path}[${i}]`));
  }
  return [`${path}: unsupported model type ${JSON.stringify(type)}`];
}

const models = $Ecs as unknown as Record<string, ModelClass>;
const expectShape = (modelName: string, body: object) => {
  expect(models[modelName], `SDK model ${modelName}`).toBeDefined();
  expect(shapeErrors(models[modelName], body, modelName)).toEqual([]);
};

describe("bodies match the official SDK models", () => {
  it("DescribeRegions", () => {
    expectShape("DescribeRegionsResponseBody", buildDescribeRegionsBody("en"));
  });

  it("DescribeZones, verbose and brief", () => {
    expectShape("DescribeZonesResponseBody", buildDescribeZonesBody("cn-hangzhou", "zh-CN", true));
    expectShape("DescribeZonesResponseBody", buildDescribeZonesBody("cn-hangzhou", "en", false));
  });

  it("DescribeInstanceTypes", () => {
    const body = buildDescribeInstanceTypesBody({});
    expect(body.InstanceTypes.InstanceType.length).toBeGreaterThan(0);
    expectShape("DescribeInstanceTypesResponseBody", body);
  });

  it("DescribeInstanceTypeFamilies", () => {
    expectShape(
      "DescribeInstanceTypeFamiliesResponseBody",
      buildDescribeInstanceTypeFamiliesBody(),
    );
  });

  it("DescribeImages", () => {
    expectShape("DescribeImagesResponseBody", buildDescribeImagesBody("cn-hangzhou", {}));
  });

  it.each(DESTINATION_RESOURCES)("DescribeAvailableResource %s", (destinationResource) => {
    const body = buildDescribeAvailableResourceBody("cn-hangzhou", {
      destinationResource,
      instanceType: "ecs.g7.large",
    });
    expect(body.AvailableZones.AvailableZone.length).toBeGreaterThan(0);
    expectShape("DescribeAvailableResourceResponseBody", body);
  });

  it("the checker itself catches a misspelt key and a wrong type", () => {
    const model = models.DescribeRegionsResponseBody;
    expect(shapeErrors(model, { Regions: { Region: [{ RegionID: "x" }] } }, "b")).toEqual([
      "b.Regions.Region[0].RegionID: not a wire name of the model",
    ]);
    const images = models.DescribeImagesResponseBody;
    const wrong = {
      Images: { Image: [{ DiskDeviceMappings: { DiskDeviceMapping: [{ Size: 20 }] } }] },
    };
    expect(shapeErrors(images, wrong, "b")).toEqual([
      "b.Images.Image[0].DiskDeviceMappings.DiskDeviceMapping[0].Size: expected string, got number",
    ]);
  });
});
