import { clsx, type ClassValue } from "clsx";

/** Class names joined, falsy ones dropped (clsx). Callers' classes come last and so win ties. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
