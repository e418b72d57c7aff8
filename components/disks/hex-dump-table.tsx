import { useTranslations } from "next-intl";
import { hexDumpLines } from "@/components/disks/hex-dump";

/**
 * A hex dump as a table (offset | hex | ASCII), 16 bytes a row, named by `caption` so that a
 * screen reader and a test can tell the raw dump from the guest's.
 */
export function HexDumpTable({
  caption,
  bytes,
  offset,
  offsetDigits,
}: {
  caption: string;
  bytes: Uint8Array;
  offset: number;
  offsetDigits: number;
}) {
  const t = useTranslations("Disks.media.columns");
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-slate-950">
      <table className="w-full border-collapse font-mono text-[10.5px] leading-[1.3rem] text-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-400">
          <tr className="border-b border-slate-800">
            <th scope="col" className="px-1.5 py-1 text-left font-medium">
              {t("offset")}
            </th>
            <th scope="col" className="px-1.5 py-1 text-left font-medium">
              {t("hex")}
            </th>
            <th scope="col" className="px-1.5 py-1 text-left font-medium">
              {t("ascii")}
            </th>
          </tr>
        </thead>
        <tbody>
          {hexDumpLines(bytes, offset, offsetDigits).map((line) => (
            <tr key={line.offset}>
              <td className="px-1.5 text-slate-500">{line.offset}</td>
              <td className="px-1.5 whitespace-pre">{line.hex}</td>
              <td className="px-1.5 whitespace-pre text-emerald-300">{line.ascii}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
