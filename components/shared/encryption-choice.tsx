"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import {
  AuthorizeRoleDialog,
  type AuthorizeDiskEncryption,
  type RoleFacts,
} from "@/components/disks/authorize-role-dialog";
import {
  encryptionRules,
  SERVICE_KEY_OPTION,
  type EncryptionRules,
  type RegionEncryption,
} from "@/components/disks/create-disk-schema";
import {
  DiskEncryptionFields,
  type EncryptionChoice,
  type KeyOption,
} from "@/components/disks/disk-encryption-fields";

/** What `loadCreateEncryptionOptions` reads for a region: its rules, keys and the role. */
export type EncryptionOptions = {
  region: RegionEncryption;
  serviceKeyId?: string;
  cmks: KeyOption[];
  role: RoleFacts;
};

export type LoadEncryptionOptions = (input: {
  regionId: string;
}) => Promise<ActionResult<EncryptionOptions>>;

export const SERVICE_KEY_CHOICE: EncryptionChoice = {
  encrypted: true,
  kmsKeyId: SERVICE_KEY_OPTION,
};

/**
 * The rules of an encryption choice outside the Create disk form (Copy and Encrypt, Replace
 * system disk, the wizard): the result is an ESSD-family disk or snapshot, so only the region,
 * the lock and the role matter.
 */
export function encryptionChoiceRules(
  choice: EncryptionChoice,
  options: EncryptionOptions,
  isRoleGranted: boolean,
  mustEncrypt: boolean,
): EncryptionRules {
  return encryptionRules(
    { category: "cloud_essd", ...choice },
    { ...options.region, isRoleGranted: isRoleGranted || options.region.isRoleGranted },
    { mustEncrypt },
  );
}

/**
 * The Encrypted checkbox and KMS key selector of the Create disk page (service key first and
 * preselected, the region's enabled CMKs, every rule as a notice, "Go to Authorize" for a CMK
 * ECS may not use yet), for a dialog or a wizard. `onRoleGranted` tells the owner the prompt
 * was answered, so it can recompute its rules.
 */
export function EncryptionChoiceFields({
  regionId,
  regionName,
  options,
  value,
  onChange,
  mustEncrypt = false,
  lockedHint,
  isRoleGranted,
  onRoleGranted,
  authorize,
  idPrefix,
}: {
  regionId: string;
  regionName: string;
  options: EncryptionOptions;
  value: EncryptionChoice;
  onChange: (next: EncryptionChoice) => void;
  mustEncrypt?: boolean;
  lockedHint?: string;
  isRoleGranted: boolean;
  onRoleGranted: () => void;
  authorize: AuthorizeDiskEncryption;
  idPrefix: string;
}) {
  const [isAuthorizing, setAuthorizing] = useState(false);
  const rules = encryptionChoiceRules(value, options, isRoleGranted, mustEncrypt);
  return (
    <>
      <DiskEncryptionFields
        regionId={regionId}
        regionName={regionName}
        categoryLabel="ESSD"
        state={value}
        rules={rules}
        serviceKeyId={options.serviceKeyId}
        cmks={options.cmks}
        onChange={onChange}
        onAuthorize={() => setAuthorizing(true)}
        lockedHint={lockedHint}
        idPrefix={idPrefix}
      />
      <AuthorizeRoleDialog
        open={isAuthorizing}
        onOpenChange={setAuthorizing}
        regionId={regionId}
        role={options.role}
        authorize={authorize}
        onAuthorized={onRoleGranted}
      />
    </>
  );
}
