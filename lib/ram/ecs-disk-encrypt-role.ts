/**
 * The ECS disk-encryption service role, as data (no imports: the role store, the System policies
 * and the console all read it). ECS needs `AliyunECSDiskEncryptDefaultRole` to use a customer
 * master key for disks (reference/ecs-kms-semantics.md); the console's "Go to Authorize" and RAM
 * CreateRole + AttachPolicyToRole both create it (lib/ram/roles.ts).
 */
export const ECS_DISK_ENCRYPT_ROLE = "AliyunECSDiskEncryptDefaultRole";
export const ECS_DISK_ENCRYPT_ROLE_POLICY = "AliyunECSDiskEncryptRolePolicy";
export const ECS_DISK_ENCRYPT_ROLE_DESCRIPTION =
  "ECS will use this role to access your resources in other services.";

/** The trust policy, exactly as Alibaba's service role has it. */
export const ECS_DISK_ENCRYPT_TRUST_POLICY = JSON.stringify({
  Statement: [
    { Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } },
  ],
  Version: "1",
});

/**
 * What `AliyunECSDiskEncryptRolePolicy` allows here (the real document is not public;
 * ecs-kms-semantics.md "RAM"). RAM serves it as a System policy (lib/ram/system-policies.ts).
 */
export const ECS_DISK_ENCRYPT_ROLE_POLICY_DOCUMENT = JSON.stringify({
  Version: "1",
  Statement: [
    {
      Effect: "Allow",
      Action: [
        "kms:Describe*",
        "kms:List*",
        "kms:TagResource",
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:GenerateDataKey*",
      ],
      Resource: ["*"],
    },
  ],
});
