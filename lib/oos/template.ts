import { createHash } from "node:crypto";

/**
 * The public template ACS-ECS-BulkyEncryptSystemDisk as OOS publishes it (aliyun/oos-templates,
 * PublicTemplates/JSON): select the target instances, then loop ACS::ECS::EncryptSystemDisk over
 * them under the rate control. The runner (runner.ts) executes exactly this: its parameters,
 * its two tasks and its output; the nested action's steps are lib/oos/steps.ts.
 */
export const TEMPLATE_NAME = "ACS-ECS-BulkyEncryptSystemDisk";
export const TEMPLATE_VERSION = "v1";
/** Public templates have fixed ids and dates; these are ours. */
export const TEMPLATE_ID = "t-94ff5cf4b1b54a74b8e1";
export const TEMPLATE_DATE = "2024-06-18T06:45:09Z";
export const TEMPLATE_DESCRIPTION = "Bulky encrypt the system disks";

const content = {
  FormatVersion: "OOS-2019-06-01",
  Description: {
    en: "Bulky encrypt the system disks",
    "zh-cn": "批量加密系统盘",
    name_en: "ACS-ECS-BulkyEncryptSystemDisk",
    categories: ["instance_manage"],
  },
  Parameters: {
    regionId: { Type: "String", Label: { en: "RegionId", "zh-cn": "地域ID" }, AssociationProperty: "RegionId", Default: "{{ ACS::RegionId }}" },
    targets: {
      Type: "Json",
      Label: { en: "TargetInstance", "zh-cn": "目标实例" },
      AssociationProperty: "Targets",
      AssociationPropertyMetadata: { ResourceType: "ALIYUN::ECS::Instance", RegionId: "regionId" },
    },
    KMSKeyId: {
      Type: "String",
      Label: { en: "KMSKeyId", "zh-cn": "加密镜像使用的KMS密钥ID" },
      AssociationProperty: "ALIYUN::KMS::Key::KeyId",
      AssociationPropertyMetadata: { RegionId: "regionId" },
    },
    rateControl: {
      Label: { en: "RateControl", "zh-cn": "任务执行的并发比率" },
      Type: "Json",
      AssociationProperty: "RateControl",
      Default: { Mode: "Concurrency", MaxErrors: 0, Concurrency: 10 },
    },
    OOSAssumeRole: { Label: { en: "OOSAssumeRole", "zh-cn": "OOS扮演的RAM角色" }, Type: "String", Default: "" },
  },
  RamRole: "{{ OOSAssumeRole }}",
  Tasks: [
    {
      Name: "getInstance",
      Description: { en: "Views the ECS instances", "zh-cn": "获取ECS实例" },
      Action: "ACS::SelectTargets",
      Properties: { ResourceType: "ALIYUN::ECS::Instance", RegionId: "{{ regionId }}", Filters: ["{{ targets }}"] },
      Outputs: { instanceIds: { Type: "List", ValueSelector: "Instances.Instance[].InstanceId" } },
    },
    {
      Name: "encryptSystemDisk",
      Action: "ACS::ECS::EncryptSystemDisk",
      Description: { en: "Encrypts the system disk", "zh-cn": "批量加密系统盘" },
      Properties: { regionId: "{{ regionId }}", instanceId: "{{ ACS::TaskLoopItem }}", KMSKeyId: "{{ KMSKeyId }}" },
      Loop: {
        RateControl: "{{ rateControl }}",
        Items: "{{ getInstance.instanceIds }}",
        Outputs: { systemDiskEncryptedInstances: { AggregateType: "Fn::ListJoin", AggregateField: "systemDiskEncryptedInstance" } },
      },
      Outputs: { systemDiskEncryptedInstance: { Type: "String", ValueSelector: ".instanceId" } },
    },
  ],
  Outputs: {
    systemDiskEncryptedInstances: { Type: "List", Value: { "Fn::Jq": ["all", ".[]", "{{ encryptSystemDisk.systemDiskEncryptedInstances }}"] } },
  },
  Metadata: {
    "ALIYUN::OOS::Interface::ParameterGroups": [
      { Parameters: ["regionId", "targets"], Label: { default: { "zh-cn": "选择实例", en: "Select Ecs Instances" } } },
      { Parameters: ["KMSKeyId"], Label: { default: { "zh-cn": "配置KMSKey", en: "Configure KMSKey" } } },
      { Parameters: ["rateControl", "OOSAssumeRole"], Label: { default: { "zh-cn": "高级选项", en: "Control Options" } } },
    ],
  },
};

/** The template text GetTemplate answers with (JSON, as the public template is stored). */
export const TEMPLATE_CONTENT = JSON.stringify(content, null, 2);
export const TEMPLATE_HASH = createHash("sha256").update(TEMPLATE_CONTENT).digest("hex");

/** The Template object of GetTemplate / ListTemplates (public: CreatedBy ACS, ShareType Public). */
export function templateWire() {
  return {
    TemplateId: TEMPLATE_ID,
    TemplateName: TEMPLATE_NAME,
    TemplateVersion: TEMPLATE_VERSION,
    VersionName: "",
    TemplateFormat: "JSON",
    TemplateType: "Automation",
    Description: TEMPLATE_DESCRIPTION,
    Category: "instance_manage",
    CreatedBy: "ACS",
    CreatedDate: TEMPLATE_DATE,
    UpdatedBy: "ACS",
    UpdatedDate: TEMPLATE_DATE,
    Hash: TEMPLATE_HASH,
    HasTrigger: false,
    ShareType: "Public",
    Tags: {},
    ResourceGroupId: "",
    Publisher: "Alibaba Cloud",
  };
}
