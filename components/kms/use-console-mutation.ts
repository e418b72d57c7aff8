"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import { kmsQueryKeys } from "@/components/kms/query-keys";

export type MutationError = {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  denied?: { action: string; policyName?: string; type: string };
};

/**
 * Runs one server action of the KMS pages: pending while it runs, its error (message and
 * code) kept to show, and on success the page's server components read again
 * (`router.refresh()`) and the KMS queries invalidated — the new state shows without a reload.
 */
export function useConsoleMutation() {
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<MutationError>();

  const run = <T>(call: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => {
    setError(undefined);
    startTransition(async () => {
      try {
        const result = await call();
        if (!result.ok) {
          setError({
            code: result.code,
            message: result.message,
            fieldErrors: result.fieldErrors,
            denied: result.denied,
          });
          return;
        }
        onSuccess?.(result.data);
        // Marked stale, read again when next shown (a dialog closing now need not refetch).
        void queryClient.invalidateQueries({ queryKey: kmsQueryKeys.all, refetchType: "none" });
        router.refresh();
      } catch {
        setError({ code: "NetworkError", message: tCommon("requestFailed") });
      }
    });
  };

  return { run, isPending, error, clearError: () => setError(undefined) };
}
