"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { isKnownRegion } from "@/lib/ecs/catalog/regions";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { PREFERENCE_MAX_AGE_SECONDS, REGION_COOKIE } from "./preferences";

const cookieOptions = {
  path: "/",
  maxAge: PREFERENCE_MAX_AGE_SECONDS,
  sameSite: "lax",
  httpOnly: true,
} as const;

/** The language switch: remembered in a cookie; the page renders again in that language. */
export const setLocale = consoleAction(
  z.object({ locale: z.enum(LOCALES) }),
  async (_ctx, input) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, cookieOptions);
    return null;
  },
);

/** The region selector: remembered so that `/` opens the console in that region. */
export const rememberRegion = consoleAction(
  z.object({
    regionId: z.string().refine(isKnownRegion, "The specified RegionId does not exist."),
  }),
  async (_ctx, input) => {
    (await cookies()).set(REGION_COOKIE, input.regionId, cookieOptions);
    return null;
  },
  { regionOf: (input) => input.regionId },
);
