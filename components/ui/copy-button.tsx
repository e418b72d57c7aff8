"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies a value to the clipboard; `label` names the button ("Copy AccessKeyId") and
 * `copiedLabel` is announced once the copy succeeded.
 */
export function CopyButton({
  value,
  label,
  copiedLabel,
  showLabel = false,
}: {
  value: string;
  label: string;
  copiedLabel: string;
  /** Show the label beside the icon (otherwise it is the button's accessible name only). */
  showLabel?: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access refused (an insecure origin): the value is on screen to select by hand.
    }
  };
  return (
    <Button
      size="sm"
      variant={showLabel ? "secondary" : "ghost"}
      aria-label={showLabel ? undefined : label}
      title={label}
      onClick={onCopy}
    >
      {copied ? (
        <Check aria-hidden className="size-3.5 text-emerald-600" />
      ) : (
        <Copy aria-hidden className="size-3.5" />
      )}
      {showLabel ? label : null}
      <span aria-live="polite" className="sr-only">
        {copied ? copiedLabel : ""}
      </span>
    </Button>
  );
}
