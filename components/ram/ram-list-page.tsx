import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableEmpty, TableHead, TableHeaderCell } from "@/components/ui/table";
import { PageHeader } from "@/components/shell/page-header";
import type { Refusal } from "@/components/kms/read-or-refusal";
import { RefusalNotice } from "@/components/shared/refusal-notice";

/**
 * The frame of RAM's list pages (users, groups, roles, policies): the header under the RAM
 * breadcrumb with its create action, then the table of the entities — or the service's
 * refusal to list them. `above` (a filter, a notice) sits over the table, spaced from it.
 */
export async function RamListPage<T>({
  regionId,
  title,
  description,
  actions,
  read,
  caption,
  columns,
  empty,
  row,
  above,
}: {
  regionId: string;
  title: string;
  description: string;
  actions: ReactNode;
  read: { data?: { items: T[] }; refusal?: Refusal };
  caption: string;
  columns: string[];
  empty: string;
  row: (item: T) => ReactNode;
  above?: ReactNode;
}) {
  const t = await getTranslations("Ram");
  const body = read.data ? (
    <Table caption={caption}>
      <TableHead>
        <tr>
          {columns.map((column) => (
            <TableHeaderCell key={column}>{column}</TableHeaderCell>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        {read.data.items.length === 0 ? (
          <TableEmpty colSpan={columns.length}>{empty}</TableEmpty>
        ) : (
          read.data.items.map(row)
        )}
      </TableBody>
    </Table>
  ) : (
    <RefusalNotice refusal={read.refusal!} />
  );
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        breadcrumb={[{ label: t("title"), href: `/${regionId}/ram/users` }, { label: title }]}
        actions={actions}
      />
      {above === undefined ? (
        body
      ) : (
        <div className="space-y-4">
          {above}
          {body}
        </div>
      )}
    </>
  );
}
