import { ECS_DISK_ENCRYPT_ROLE_POLICY, ECS_DISK_ENCRYPT_ROLE_POLICY_DOCUMENT } from "@/lib/ram/ecs-disk-encrypt-role";

/**
 * The System policies Alibaba maintains, as data: the documents of api-extras.md §3 (the
 * version numbers are the ones quoted there). AliyunECSDiskEncryptRolePolicy is not public;
 * its content here is ecs-kms-semantics.md's (lib/ram/roles.ts).
 */
export type SystemPolicy = {
  policyName: string;
  description: string;
  defaultVersion: string;
  document: string;
};

const doc = (statements: object[]) => JSON.stringify({ Version: "1", Statement: statements });

/** A fixed creation date, as Alibaba's System policies have one. */
export const SYSTEM_POLICY_CREATED_AT = new Date("2015-04-28T16:00:00Z");

export const SYSTEM_POLICIES: readonly SystemPolicy[] = [
  {
    policyName: "AdministratorAccess",
    description: "Provides full access to Alibaba Cloud services and resources.",
    defaultVersion: "v1",
    document: JSON.stringify({ Statement: [{ Action: "*", Effect: "Allow", Resource: "*" }], Version: "1" }),
  },
  {
    policyName: "AliyunECSFullAccess",
    description: "Provides full access to Elastic Compute Service(ECS) via Management Console.",
    defaultVersion: "v1",
    document: doc([
      { Action: "ecs:*", Resource: "*", Effect: "Allow" },
      { Action: ["vpc:DescribeVpcs", "vpc:DescribeVSwitches"], Resource: "*", Effect: "Allow" },
    ]),
  },
  {
    policyName: "AliyunECSReadOnlyAccess",
    description: "Provides read-only access to Elastic Compute Service(ECS) via Management Console.",
    defaultVersion: "v1",
    document: doc([
      { Action: "ecs:Describe*", Resource: "*", Effect: "Allow" },
      { Action: "ecs:List*", Resource: "*", Effect: "Allow" },
      { Action: ["vpc:DescribeVpcs", "vpc:DescribeVSwitches"], Resource: "*", Effect: "Allow" },
    ]),
  },
  {
    policyName: "AliyunKMSFullAccess",
    description: "Provides full access to Key Management Service(KMS) via Management Console.",
    defaultVersion: "v3",
    document: doc([
      { Action: "kms:*", Resource: "*", Effect: "Allow" },
      {
        Action: "ram:CreateServiceLinkedRole",
        Resource: "*",
        Effect: "Allow",
        Condition: {
          StringEquals: { "ram:ServiceName": ["secretsmanager-rds.kms.aliyuncs.com", "keystore.kms.aliyuncs.com"] },
        },
      },
    ]),
  },
  {
    policyName: "AliyunKMSReadOnlyAccess",
    description: "Provides read-only access to Key Management Service(KMS) via Management Console.",
    defaultVersion: "v3",
    document: doc([
      {
        Action: [
          "kms:List*",
          "kms:Describe*",
          "kms:GetPublicKey",
          "kms:GetUploadBackupDataInfo",
          "kms:GetKmsInstanceSharedAccounts",
          "kms:GetKmsInstanceQuotaInfos",
          "kms:GetCheckAssociateResourceTaskResults",
          "kms:GetKeyPolicy",
          "kms:GetKeyDefaultPolicy",
          "kms:GetSecretPolicy",
          "kms:GetSecretDefaultPolicy",
          "kms:GetKmsInstance",
          "kms:GetDefaultKmsInstance",
        ],
        Resource: "*",
        Effect: "Allow",
      },
    ]),
  },
  {
    policyName: "AliyunKMSCryptoUserAccess",
    description: "Provides the permissions to use Key Management Service(KMS) keys for cryptographic operations.",
    defaultVersion: "v2",
    document: doc([
      {
        Action: [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:GenerateDataKey",
          "kms:GenerateDataKeyWithoutPlaintext",
          "kms:AsymmetricEncrypt",
          "kms:AsymmetricDecrypt",
          "kms:AsymmetricSign",
          "kms:AsymmetricVerify",
          "kms:GetPublicKey",
          "kms:GenerateMac",
          "kms:VerifyMac",
        ],
        Resource: "*",
        Effect: "Allow",
      },
    ]),
  },
  {
    policyName: ECS_DISK_ENCRYPT_ROLE_POLICY,
    description: "The policy of ECS disk encryption role, including KMS permissions.",
    defaultVersion: "v1",
    document: ECS_DISK_ENCRYPT_ROLE_POLICY_DOCUMENT,
  },
];

/** System policy names are matched case-insensitively, as RAM does. */
export function findSystemPolicy(name: string): SystemPolicy | undefined {
  const lower = name.toLowerCase();
  return SYSTEM_POLICIES.find((p) => p.policyName.toLowerCase() === lower);
}
