import { $Ram, EcsClient, KmsClient, PopCore, RamClient, sdkConfig } from "./sdk";
import type { TestServer } from "./server";

/** Shortcuts of the RAM integration tests (tests/integration/ram-*.test.ts). */
export type RamClientType = TestServer["ram"];

/** The official SDK clients and a pop-core client signing with a RAM user's AccessKey. */
export function clientsAs(server: Pick<TestServer, "endpointHost">, accessKeyId: string, accessKeySecret: string) {
  const credentials = { endpointHost: server.endpointHost, accessKeyId, accessKeySecret };
  return {
    ecs: new EcsClient(sdkConfig(credentials)),
    kms: new KmsClient(sdkConfig(credentials)),
    ram: new RamClient(sdkConfig(credentials)),
    pop: (version: string) => {
      const client = new PopCore({ accessKeyId, accessKeySecret, endpoint: `http://${server.endpointHost}`, apiVersion: version });
      return {
        request: <T = Record<string, unknown>>(action: string, params: Record<string, unknown> = {}) =>
          client.request(action, params, { method: "POST", formatParams: false, timeout: 30_000 }) as Promise<T>,
      };
    },
  };
}

/** Creates a RAM user with an AccessKey and the given policies attached ("System:Name" or "Custom:Name"). */
export async function userWithKey(ram: RamClientType, userName: string, policies: string[] = []) {
  await ram.createUser(new $Ram.CreateUserRequest({ userName }));
  for (const policy of policies) {
    const [policyType, policyName] = policy.split(":");
    await ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName, policyType, policyName }));
  }
  const key = (await ram.createAccessKey(new $Ram.CreateAccessKeyRequest({ userName }))).body!.accessKey!;
  return { userName, accessKeyId: key.accessKeyId!, accessKeySecret: key.accessKeySecret! };
}

export async function createPolicy(ram: RamClientType, policyName: string, document: object) {
  await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName, policyDocument: JSON.stringify(document) }));
}

export type Refusal = { code: string; statusCode: number; message: string; detail?: Record<string, unknown> };

/** The SDK error of a refused call: code, HTTP status, message and AccessDeniedDetail. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      code?: string;
      statusCode?: number;
      message?: string;
      data?: { Code?: string; Message?: string; AccessDeniedDetail?: Record<string, unknown>; statusCode?: number };
      accessDeniedDetail?: Record<string, unknown>;
      entry?: { response?: { statusCode?: number } };
    };
    return {
      code: e.data?.Code ?? String(e.code),
      statusCode: e.statusCode ?? e.entry?.response?.statusCode ?? Number(/code: (\d{3})/.exec(e.message ?? "")?.[1]),
      message: e.data?.Message ?? String(e.message),
      detail: e.data?.AccessDeniedDetail ?? e.accessDeniedDetail,
    };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** The guide's "create only encrypted disks" policy (api-extras.md §3.1, ecs-kms-semantics.md). */
export const ECS_DISK_ENCRYPT_CONTROL = {
  Version: "1",
  Statement: [
    { Action: ["ecs:RunInstances", "ecs:CreateInstance"], Resource: "*", Effect: "Deny", Condition: { StringEquals: { "ecs:IsSystemDiskEncrypted": "false" } } },
    { Action: ["ecs:RunInstances", "ecs:CreateInstance"], Resource: "*", Effect: "Deny", Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } } },
    { Action: "ecs:CreateDisk", Resource: "*", Effect: "Deny", Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } } },
  ],
};
