import "server-only";
import type { RequestContext } from "@/lib/context";
import {
  diskEncryptRoleFacts,
  getDiskEncryptionOptions,
  listRegionKeys,
} from "@/lib/ecs/disks/console-keys";
import { readOrRefusal } from "@/components/kms/read-or-refusal";

/**
 * The encryption part of the create pages (Create disk, Create instance): the region's
 * encryption facts, the service key, the CMKs to pick from (the default key among them even when
 * it is not a CMK) and the service role — or the KMS refusal to show in place of the form.
 */
export async function loadCreateEncryptionOptions(ctx: RequestContext) {
  const keys = await readOrRefusal(listRegionKeys(ctx));
  if (!keys.data) return { refusal: keys.refusal };
  const options = await getDiskEncryptionOptions(ctx, keys.data);
  const defaultKey = options.encryptionByDefault.defaultKey;
  const cmks = options.cmks.map((key) => ({
    keyId: key.keyId,
    label: key.aliasName ? `${key.aliasName} (${key.keyId})` : key.keyId,
  }));
  if (defaultKey && !cmks.some((key) => key.keyId === defaultKey.keyId))
    cmks.push({ keyId: defaultKey.keyId, label: defaultKey.aliasName ?? defaultKey.keyId });
  return {
    data: {
      region: {
        isEncryptionSupported: options.isEncryptionSupported,
        isCmkSupported: options.isCmkSupported,
        encryptionByDefault: {
          isEnabled: options.encryptionByDefault.isEnabled,
          defaultKeyId: defaultKey?.keyId,
        },
        isRoleGranted: options.isRoleGranted,
      },
      serviceKeyId: options.serviceKeyId,
      cmks,
      role: diskEncryptRoleFacts(),
    },
  };
}
