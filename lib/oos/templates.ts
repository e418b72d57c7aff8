import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { oosErrors } from "./errors";
import { TEMPLATE_CONTENT, TEMPLATE_NAME, TEMPLATE_VERSION, templateWire } from "./template";

/** The one public template here; OOS's filters select it or nothing. */
export type TemplateFilter = { templateName?: string; createdBy?: string; shareType?: string; templateType?: string; templateFormat?: string; category?: string };

/** OOS ListTemplates: the public templates the filters select. */
export function listTemplates(ctx: RequestContext, filter: TemplateFilter = {}): Promise<ReturnType<typeof templateWire>[]> {
  const resourceArn = arn("oos", ctx.regionId, getRuntime().accountId, "template/*");
  return operation(ctx, { service: "oos", action: "ListTemplates", resourceArn }, async () => {
    const template = templateWire();
    const matches =
      (!filter.templateName || template.TemplateName.toLowerCase().includes(filter.templateName.toLowerCase())) &&
      (!filter.createdBy || filter.createdBy === template.CreatedBy) &&
      (!filter.shareType || filter.shareType === template.ShareType) &&
      (!filter.templateType || filter.templateType === template.TemplateType) &&
      (!filter.templateFormat || filter.templateFormat === template.TemplateFormat) &&
      (!filter.category || filter.category === template.Category);
    return matches ? [template] : [];
  });
}

/** OOS GetTemplate: the template and its text (404 EntityNotExists.Template for any other name or version). */
export function getTemplate(ctx: RequestContext, input: { templateName: string; templateVersion?: string }) {
  const resourceArn = arn("oos", ctx.regionId, getRuntime().accountId, `template/${input.templateName}`);
  return operation(ctx, { service: "oos", action: "GetTemplate", resourceArn }, async () => {
    if (input.templateName !== TEMPLATE_NAME) throw oosErrors.templateNotFound();
    if (input.templateVersion && input.templateVersion !== TEMPLATE_VERSION) throw oosErrors.templateNotFound();
    return { content: TEMPLATE_CONTENT, template: templateWire() };
  });
}
