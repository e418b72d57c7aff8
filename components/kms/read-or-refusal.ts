import { isAppError } from "@/lib/errors";

export type Refusal = { code: string; message: string };

/**
 * A page's read, or the service's refusal (message and code) for the page to show in place of
 * the data — a RAM identity without kms:List*, say. Anything else still fails the page.
 */
export async function readOrRefusal<T>(
  read: Promise<T>,
): Promise<{ data: T; refusal?: undefined } | { data?: undefined; refusal: Refusal }> {
  try {
    return { data: await read };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { refusal: { code: error.code, message: error.message } };
  }
}
