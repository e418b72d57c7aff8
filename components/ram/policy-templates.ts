/**
 * Policy templates offered by Create policy. `ecs-disk-encrypt-control` is the guide "Prevent RAM
 * users from creating unencrypted disks" (api-extras.md §3.1: its published JSON is truncated;
 * this is the reconstruction: deny instance and disk creation whenever a disk would be
 * unencrypted). It only denies, so it is attached next to a policy that allows ECS.
 */
export type PolicyTemplate = {
  id: "blank" | "encryptedDisksOnly" | "kmsReadOnly";
  policyName: string;
  document: object;
};

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: "blank",
    policyName: "",
    document: {
      Version: "1",
      Statement: [{ Effect: "Allow", Action: "ecs:Describe*", Resource: "*" }],
    },
  },
  {
    id: "encryptedDisksOnly",
    policyName: "ecs-disk-encrypt-control",
    document: {
      Version: "1",
      Statement: [
        {
          Action: ["ecs:RunInstances", "ecs:CreateInstance"],
          Resource: "*",
          Effect: "Deny",
          Condition: { StringEquals: { "ecs:IsSystemDiskEncrypted": "false" } },
        },
        {
          Action: ["ecs:RunInstances", "ecs:CreateInstance"],
          Resource: "*",
          Effect: "Deny",
          Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } },
        },
        {
          Action: "ecs:CreateDisk",
          Resource: "*",
          Effect: "Deny",
          Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } },
        },
      ],
    },
  },
  {
    id: "kmsReadOnly",
    policyName: "kms-read-only",
    document: {
      Version: "1",
      Statement: [
        {
          Effect: "Allow",
          Action: ["kms:List*", "kms:Describe*", "kms:GetPublicKey"],
          Resource: "*",
        },
      ],
    },
  },
];

export const formatPolicy = (document: object) => JSON.stringify(document, null, 2);
