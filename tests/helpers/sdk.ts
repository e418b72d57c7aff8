import * as EcsModule from "@alicloud/ecs20140526";
import * as KmsModule from "@alicloud/kms20160120";
import * as RamModule from "@alicloud/ram20150501";
import * as OpenApi from "@alicloud/openapi-client";
import * as PopCoreModule from "@alicloud/pop-core";

// The SDKs are CommonJS modules whose class is `exports.default`; depending on the loader's
// interop, the namespace's default is the class or the exports object.
function cjsDefault<T>(namespace: unknown): T {
  const candidate = (namespace as { default?: unknown }).default;
  if (typeof candidate === "function") return candidate as T;
  return (candidate as { default: T }).default;
}

export const EcsClient = cjsDefault<typeof EcsModule.default>(EcsModule);
export const KmsClient = cjsDefault<typeof KmsModule.default>(KmsModule);
export const RamClient = cjsDefault<typeof RamModule.default>(RamModule);
export const PopCore = cjsDefault<typeof PopCoreModule.default>(PopCoreModule);
export { EcsModule as $Ecs, KmsModule as $Kms, RamModule as $Ram };

export type Credentials = { endpointHost: string; accessKeyId: string; accessKeySecret: string; regionId?: string };

/** Config as a user writes it for the generated SDKs: host only, and protocol HTTP. */
export function sdkConfig(c: Credentials, extra: Partial<OpenApi.Config> = {}) {
  return new OpenApi.Config({
    accessKeyId: c.accessKeyId,
    accessKeySecret: c.accessKeySecret,
    endpoint: c.endpointHost,
    protocol: "HTTP",
    regionId: c.regionId ?? "cn-hangzhou",
    ...extra,
  });
}
