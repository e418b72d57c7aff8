import { $Kms } from "./sdk";
import type { TestServer } from "./server";

/**
 * One way to call a KMS action through either official client, so each scenario runs through
 * both: `sdk` uses @alicloud/kms20160120's typed request and response models (the response's
 * strict cast runs, then `toMap()` gives the wire names back), falling back to the same SDK's
 * signed transport (`doRequest`) for actions or parameters its 2016 models lack (ReEncrypt,
 * SetDeletionProtection, ListKeys Filters…); `pop` uses @alicloud/pop-core. Parameters are
 * given in wire names; an EncryptionContext object goes as a map through the SDK (flattened to
 * `EncryptionContext.k=v`, as that SDK sends it) and as a JSON string through pop-core.
 */
export type KmsCall = <T = Record<string, unknown>>(
  action: string,
  params?: Record<string, unknown>,
) => Promise<T>;
export type KmsClientName = "sdk" | "pop";

const VERSION = "2016-01-20";
const CONTEXT_PARAMS = new Set([
  "EncryptionContext",
  "SourceEncryptionContext",
  "DestinationEncryptionContext",
]);

type ModelClass = {
  new (map: Record<string, unknown>): { toMap(): Record<string, unknown> };
  names(): Record<string, string>;
};
/** A started server (tests/helpers/server.ts) or an in-process endpoint (in-process-endpoint.ts). */
export type KmsEndpoint = {
  kms: TestServer["kms"];
  pop: (version: string) => {
    request: <T = Record<string, unknown>>(
      action: string,
      params?: Record<string, unknown>,
    ) => Promise<T>;
  };
};

type SdkClient = TestServer["kms"] & {
  doRequest: (
    action: string,
    protocol: string,
    method: string,
    version: string,
    authType: string,
    query: object,
    body: null,
    runtime: object,
  ) => Promise<object>;
};

export function kmsClients(server: KmsEndpoint): Record<KmsClientName, KmsCall> {
  const client = server.kms as SdkClient;
  const pop = server.pop(VERSION);
  return {
    sdk: (async (action: string, params: Record<string, unknown> = {}) => {
      const method = (client as unknown as Record<string, unknown>)[
        action[0].toLowerCase() + action.slice(1)
      ];
      const Request = ($Kms as unknown as Record<string, ModelClass | undefined>)[
        `${action}Request`
      ];
      const fields = Request ? invert(Request.names()) : {};
      const typed =
        typeof method === "function" &&
        Request &&
        Object.keys(params).every((name) => name in fields);
      if (!typed) return client.doRequest(action, "HTTP", "POST", VERSION, "AK", params, null, {});
      const request = new Request(
        Object.fromEntries(Object.entries(params).map(([name, value]) => [fields[name], value])),
      );
      const response = (
        await (method as (r: unknown) => Promise<{ toMap(): Record<string, unknown> }>).call(
          client,
          request,
        )
      ).toMap();
      return response;
    }) as KmsCall,
    pop: ((action: string, params: Record<string, unknown> = {}) =>
      pop.request(
        action,
        Object.fromEntries(
          Object.entries(params).map(([name, value]) => [
            name,
            CONTEXT_PARAMS.has(name) && typeof value === "object" ? JSON.stringify(value) : value,
          ]),
        ),
      )) as KmsCall,
  };
}

function invert(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([field, wire]) => [wire, field]));
}

export type KmsFailure = { code: string; status: number; message: string };

/** The error a call failed with, the same for both clients (the SDK appends "Error" to codes). */
export async function failureOf(call: Promise<unknown>): Promise<KmsFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      code?: string;
      message?: string;
      data?: { Code?: string; Message?: string };
      entry?: { response?: { statusCode?: number } };
    };
    const status =
      e.entry?.response?.statusCode ?? Number(/code: (\d{3})/.exec(e.message ?? "")?.[1]);
    return {
      code: e.data?.Code ?? String(e.code),
      status,
      message: e.data?.Message ?? String(e.message),
    };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
