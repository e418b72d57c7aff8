import { describe, expect, it } from "vitest";
import {
  buildDescribeImagesBody,
  filterPublicImages,
  toImageWire,
} from "@/lib/ecs/catalog/image-wire";
import { findPublicImage, PUBLIC_IMAGES } from "@/lib/ecs/catalog/images";

const ALINUX = "aliyun_3_x64_20G_alibase_20240819.vhd";
const UBUNTU = "ubuntu_22_04_x64_20G_alibase_20240812.vhd";
const WINDOWS = "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd";
const ids = (query: Parameters<typeof filterPublicImages>[0]) =>
  filterPublicImages(query).map((i) => i.imageId);

describe("public images", () => {
  it("are the three of the catalog, sized 20/20/40 GiB", () => {
    expect(PUBLIC_IMAGES.map((i) => [i.imageId, i.osType, i.sizeGiB])).toEqual([
      [ALINUX, "linux", 20],
      [UBUNTU, "linux", 20],
      [WINDOWS, "windows", 40],
    ]);
  });
});

describe("DescribeImages filters", () => {
  it.each([
    [{}, [ALINUX, UBUNTU, WINDOWS]],
    [{ imageId: `${WINDOWS},${ALINUX}` }, [ALINUX, WINDOWS]],
    [{ imageId: "m-bp1doesnotexist" }, []],
    [{ imageName: "UBUNTU_22" }, [UBUNTU]],
    [{ osType: "windows" as const }, [WINDOWS]],
    [{ osType: "linux" as const }, [ALINUX, UBUNTU]],
    [{ imageOwnerAlias: "system" as const }, [ALINUX, UBUNTU, WINDOWS]],
    [{ imageOwnerAlias: "self" as const }, []],
    [{ imageOwnerAlias: "marketplace" as const }, []],
    [{ status: "Available" }, [ALINUX, UBUNTU, WINDOWS]],
    [{ status: "Creating,Available" }, [ALINUX, UBUNTU, WINDOWS]],
    [{ status: "Deprecated" }, []],
    [{ architecture: "arm64" as const }, []],
    [{ architecture: "x86_64" as const }, [ALINUX, UBUNTU, WINDOWS]],
    [{ imageFamily: "acs:ubuntu_22_04_x64" }, [UBUNTU]],
  ])("%j → %j", (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });
});

describe("DescribeImages body", () => {
  it("pages with PageNumber/PageSize (default 10) and reports the total", () => {
    const first = buildDescribeImagesBody("cn-beijing", { pageSize: 2 });
    expect([first.RegionId, first.TotalCount, first.PageNumber, first.PageSize]).toEqual([
      "cn-beijing",
      3,
      1,
      2,
    ]);
    expect(first.Images.Image.map((i) => i.ImageId)).toEqual([ALINUX, UBUNTU]);
    const second = buildDescribeImagesBody("cn-beijing", { pageSize: 2, pageNumber: 2 });
    expect(second.Images.Image.map((i) => i.ImageId)).toEqual([WINDOWS]);
    expect(buildDescribeImagesBody("cn-beijing", { pageNumber: 5 }).Images.Image).toEqual([]);
    expect(buildDescribeImagesBody("cn-beijing", {}).PageSize).toBe(10);
  });

  it("maps an image with its system disk mapping (Size as a string)", () => {
    const wire = toImageWire(findPublicImage(WINDOWS)!);
    expect(wire).toMatchObject({
      ImageId: WINDOWS,
      ImageOwnerAlias: "system",
      OSType: "windows",
      OSName: "Windows Server 2022 数据中心版 64位英文版",
      OSNameEn: "Windows Server 2022 Data Center Edition 64bit English Edition",
      Architecture: "x86_64",
      Size: 40,
      Status: "Available",
      IsPublic: true,
    });
    expect(wire.DiskDeviceMappings.DiskDeviceMapping).toEqual([
      expect.objectContaining({
        Device: "/dev/xvda",
        Size: "40",
        Type: "system",
        Encrypted: false,
      }),
    ]);
  });
});
