"use server";

import { z } from "zod";
import { acknowledgeRootCredentials } from "@/lib/account/credentials";
import { consoleAction } from "@/lib/console/server-action";

/** "I have saved it": the generated root AccessKey is never shown again. */
export const acknowledgeCredentials = consoleAction(z.void(), async (ctx) => {
  await acknowledgeRootCredentials(ctx);
  return null;
});
