import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const SOURCES = {
  console: "console",
  api: "api",
  guest: "guest",
  oos: "oos",
  "ecs-service": "ecsService",
} as const;

/** Where a call came from, in the console's words. */
export function SourceLabel({ source }: { source: string }) {
  const t = useTranslations("Audit.sources");
  return source in SOURCES ? t(SOURCES[source as keyof typeof SOURCES]) : source;
}

/** Success, or the error code the trail recorded (a refusal shows its code). */
export function ResultBadge({ result }: { result: string }) {
  const t = useTranslations("Audit");
  return (
    <Badge tone={result === "Success" ? "success" : "danger"} className="whitespace-nowrap">
      {result === "Success" ? t("success") : result}
    </Badge>
  );
}
