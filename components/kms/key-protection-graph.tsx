import { getTranslations } from "next-intl/server";
import type { KeyGraph, KeyGraphNode } from "@/lib/ecs/key-graph/key-protection-graph";
import { layoutKeyGraph, NODE_HEIGHT, NODE_WIDTH } from "./key-graph-layout";

const STYLES: Record<KeyGraphNode["type"], { fill: string; stroke: string; label: string }> = {
  key: { fill: "#eff6ff", stroke: "#2563eb", label: "#1d4ed8" },
  disk: { fill: "#ffffff", stroke: "#94a3b8", label: "#475569" },
  snapshot: { fill: "#ffffff", stroke: "#a78bfa", label: "#6d28d9" },
  image: { fill: "#ffffff", stroke: "#f59e0b", label: "#b45309" },
  instance: { fill: "#f0fdf4", stroke: "#16a34a", label: "#15803d" },
};

/** Each node's console page; an image's is the images list, which has no per-image page. */
function hrefOf(node: KeyGraphNode): string | undefined {
  switch (node.type) {
    case "disk":
      return `/${node.regionId}/disks/${node.id}`;
    case "snapshot":
      return `/${node.regionId}/snapshots/${node.id}`;
    case "image":
      return `/${node.regionId}/images`;
    case "instance":
      return `/${node.regionId}/instances/${node.id}`;
    default:
      return undefined;
  }
}

/**
 * The key's protection graph (key → disks, snapshots, images → instances) drawn as SVG: each
 * resource is a link to its page, named "Disk d-… (name), In_use" for screen readers.
 */
export async function KeyProtectionGraph({ keyId, graph }: { keyId: string; graph: KeyGraph }) {
  const t = await getTranslations("Kms.graph");
  const layout = layoutKeyGraph(graph);
  const nameOf = (node: KeyGraphNode) =>
    [
      `${t(`types.${node.type}`)} ${node.id}`,
      node.name ? `(${node.name})` : "",
      node.status ? `, ${node.status}` : "",
    ].join(" ").replace(" ,", ",").trim();
  const margin = 2;
  return (
    <div className="space-y-2">
      {graph.nodes.length === 1 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <div className="overflow-x-auto">
        <svg
          role="group"
          aria-label={t("label", { keyId })}
          width={layout.width + 2 * margin}
          height={layout.height + 2 * margin}
          viewBox={`${-margin} ${-margin} ${layout.width + 2 * margin} ${layout.height + 2 * margin}`}
          className="font-sans"
        >
          <g fill="none" stroke="#cbd5e1" strokeWidth={1.5} aria-hidden>
            {layout.edges.map((edge) => (
              <path key={`${edge.from}->${edge.to}`} d={edge.path} />
            ))}
          </g>
          {layout.nodes.map((node) => {
            const style = STYLES[node.type];
            const href = hrefOf(node);
            const body = (
              <>
                <rect
                  x={node.x}
                  y={node.y}
                  width={NODE_WIDTH}
                  height={NODE_HEIGHT}
                  rx={6}
                  fill={style.fill}
                  stroke={style.stroke}
                  strokeWidth={node.type === "key" ? 2 : 1.25}
                />
                <text x={node.x + 10} y={node.y + 17} fontSize={10} fill={style.label} fontWeight={600}>
                  {t(`types.${node.type}`)}
                  {node.status ? ` · ${node.status}` : ""}
                </text>
                <text x={node.x + 10} y={node.y + 33} fontSize={12} fill="#0f172a" fontFamily="ui-monospace, monospace">
                  {truncate(node.name ? `${node.id} ${node.name}` : node.id, 30)}
                </text>
              </>
            );
            return href ? (
              <a key={node.id} href={href} aria-label={nameOf(node)} className="hover:opacity-80 focus:outline-none">
                {body}
              </a>
            ) : (
              <g key={node.id} role="img" aria-label={nameOf(node)}>
                {body}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
