"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { Timestamp } from "@/components/kms/timestamp";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import { ConfirmActionDialog } from "@/components/ram/confirm-action-dialog";
import type { ActionResult } from "@/lib/console/server-action";

export type Member = { name: string; href: string; detail?: string; joinDate: Date };

/**
 * Group membership seen from either side — a user's groups or a group's members: the list,
 * Remove (confirmed), and an "Add" row choosing among the others.
 */
export function MembershipCard({
  id,
  labels,
  members,
  options,
  add,
  remove,
  denied,
}: {
  id: string;
  labels: {
    title: string;
    description: string;
    column: string;
    empty: string;
    choose: string;
    add: string;
    adding: string;
    removeTitle: (name: string) => string;
    removeBody: string;
  };
  members: Member[];
  options: string[];
  add: (name: string) => Promise<ActionResult<null>>;
  remove: (name: string) => Promise<ActionResult<null>>;
  denied: { add?: string; remove?: string };
}) {
  const t = useTranslations("Ram.common");
  const tUsers = useTranslations("Ram.users.detail");
  const mutation = useConsoleMutation();
  const [choice, setChoice] = useState("");
  const memberNames = new Set(members.map((m) => m.name));
  const choices = options.filter((name) => !memberNames.has(name));
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (choice)
      mutation.run(
        () => add(choice),
        () => setChoice(""),
      );
  };
  return (
    <Card id={id} title={labels.title} description={labels.description}>
      <div className="space-y-4">
        <Table caption={labels.title}>
          <TableHead>
            <tr>
              <TableHeaderCell>{labels.column}</TableHeaderCell>
              <TableHeaderCell>{tUsers("joined")}</TableHeaderCell>
              <TableHeaderCell>{t("actions")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {members.length === 0 ? (
              <TableEmpty colSpan={3}>{labels.empty}</TableEmpty>
            ) : (
              members.map((member) => (
                <TableRow key={member.name}>
                  <TableCell>
                    <Link href={member.href} className="font-medium text-blue-700 hover:underline">
                      {member.name}
                    </Link>
                    {member.detail ? (
                      <p className="text-xs text-slate-500">{member.detail}</p>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Timestamp date={member.joinDate} compact />
                  </TableCell>
                  <TableCell>
                    <ConfirmActionDialog
                      trigger={t("remove")}
                      triggerProps={{ variant: "link", size: "sm" }}
                      title={labels.removeTitle(member.name)}
                      body={labels.removeBody}
                      confirmLabel={t("remove")}
                      deniedReason={denied.remove}
                      reasonId={`${id}-remove-${member.name}-reason`}
                      run={() => remove(member.name)}
                    />
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <form onSubmit={onAdd} className="flex flex-wrap items-end gap-3">
          <Field id={`${id}-choose`} label={labels.choose} className="min-w-60">
            {(control) => (
              <Select
                {...control}
                value={choice}
                onChange={(event) => setChoice(event.target.value)}
                disabled={denied.add !== undefined}
              >
                <option value="">—</option>
                {choices.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <span title={denied.add}>
            <Button
              type="submit"
              disabled={mutation.isPending || choice === "" || denied.add !== undefined}
              aria-describedby={denied.add ? `${id}-add-reason` : undefined}
            >
              {mutation.isPending ? labels.adding : labels.add}
            </Button>
            {denied.add ? (
              <span id={`${id}-add-reason`} className="sr-only">
                {denied.add}
              </span>
            ) : null}
          </span>
        </form>
        {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
      </div>
    </Card>
  );
}
