import type { LocalizedText } from "@/lib/ecs/catalog/language";

/**
 * The public images (ImageOwnerAlias `system`) every region offers. Ids, names and sizes are
 * Alibaba's; custom images (`m-…`) belong to the images service, not to this catalog.
 */
export type PublicImage = {
  imageId: string;
  imageFamily: string;
  imageVersion: string;
  osType: "linux" | "windows";
  /** OSName is the zh-CN name, OSNameEn the English one; zh-TW is for our console. */
  osName: LocalizedText;
  platform: string;
  architecture: "x86_64" | "arm64" | "i386";
  /** The system disk the image needs, GiB (DiskDeviceMapping.Size). */
  sizeGiB: number;
  bootMode: "BIOS" | "UEFI" | "UEFI-Preferred";
  /** ISO 8601 UTC, as DescribeImages reports it. */
  creationTime: string;
  description: string;
  isSupportCloudinit: boolean;
  loginAsNonRootSupported: boolean;
  nvmeSupport: "supported" | "unsupported";
};

export const PUBLIC_IMAGES: readonly PublicImage[] = [
  {
    imageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
    imageFamily: "acs:alibaba_cloud_linux_3_2104_lts_x64",
    imageVersion: "3.2104",
    osType: "linux",
    osName: {
      en: "Alibaba Cloud Linux 3.2104 LTS 64 bit",
      "zh-CN": "Alibaba Cloud Linux 3.2104 LTS 64位",
      "zh-TW": "Alibaba Cloud Linux 3.2104 LTS 64位元",
    },
    platform: "Aliyun",
    architecture: "x86_64",
    sizeGiB: 20,
    bootMode: "UEFI-Preferred",
    creationTime: "2024-08-19T08:30:52Z",
    description: "",
    isSupportCloudinit: true,
    loginAsNonRootSupported: true,
    nvmeSupport: "supported",
  },
  {
    imageId: "ubuntu_22_04_x64_20G_alibase_20240812.vhd",
    imageFamily: "acs:ubuntu_22_04_x64",
    imageVersion: "22.04",
    osType: "linux",
    osName: {
      en: "Ubuntu 22.04 64 bit",
      "zh-CN": "Ubuntu 22.04 64位",
      "zh-TW": "Ubuntu 22.04 64位元",
    },
    platform: "Ubuntu",
    architecture: "x86_64",
    sizeGiB: 20,
    bootMode: "UEFI-Preferred",
    creationTime: "2024-08-12T06:41:17Z",
    description: "",
    isSupportCloudinit: true,
    loginAsNonRootSupported: true,
    nvmeSupport: "supported",
  },
  {
    imageId: "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd",
    imageFamily: "acs:windows_server_2022_datacenter_en-us_x64",
    imageVersion: "21H2",
    osType: "windows",
    osName: {
      en: "Windows Server 2022 Data Center Edition 64bit English Edition",
      "zh-CN": "Windows Server 2022 数据中心版 64位英文版",
      "zh-TW": "Windows Server 2022 資料中心版 64位元英文版",
    },
    platform: "Windows Server 2022",
    architecture: "x86_64",
    sizeGiB: 40,
    bootMode: "BIOS",
    creationTime: "2024-08-16T03:12:09Z",
    description: "",
    isSupportCloudinit: true,
    loginAsNonRootSupported: false,
    nvmeSupport: "supported",
  },
];

const IMAGES_BY_ID = new Map(PUBLIC_IMAGES.map((image) => [image.imageId, image]));

export function findPublicImage(imageId: string): PublicImage | undefined {
  return IMAGES_BY_ID.get(imageId);
}

export function isPublicImageId(imageId: string): boolean {
  return IMAGES_BY_ID.has(imageId);
}
