// The two customer tables of "Analyse my sales" (RFM and lifecycle): searched,
// sorted and paged in the worker (js/sales-table.js asks for one page at a time).

import { t } from "../lang.js";
import { createTable } from "../sales-table.js";
import { F, ask, lifeOk, money, rfmOk, segmentLabel, segmentOf, stageLabel, state, winBackOf, words } from "./state.js";
import { downloadCsv } from "./csv.js";

export const rfmTable = createTable({
  id: "sales-customers",
  sort: { key: "monetary", dir: "desc" },
  caption: () => t("sales.custCaption"),
  columns: [
    { key: "customer", label: () => t("sales.c.customer"), cell: (r) => r.customer, cls: "cust-name" },
    { key: "recency", label: () => t("sales.c.recency"), numeric: true, cell: (r) => F.int(r.recency) },
    { key: "frequency", label: () => t("sales.c.frequency"), numeric: true, cell: (r) => F.int(r.frequency) },
    { key: "monetary", label: () => t("sales.c.monetary"), numeric: true, cell: (r) => money(r.monetary) },
    { key: "r", label: () => t("sales.c.r"), numeric: true, cell: (r) => String(r.r) },
    { key: "f", label: () => t("sales.c.f"), numeric: true, cell: (r) => String(r.f) },
    { key: "m", label: () => t("sales.c.m"), numeric: true, cell: (r) => String(r.m) },
    { key: "segment", label: () => t("sales.c.segment"), cell: (r) => segmentLabel(r.segment), cls: "cust-seg" },
    { key: "action", label: () => t("sales.c.action"), cell: (r) => words("segment", segmentOf(r.segment), "action"), cls: "cust-action", sortable: false },
  ],
  filter: {
    label: () => t("sales.segFilter"),
    options: () => [
      { value: "", label: t("sales.allSegments") },
      ...(rfmOk() ? state.summary.rfm.segments.map((sg) => ({ value: sg.key, label: `${words("segment", sg, "label")} (${F.int(sg.count)})` })) : []),
    ],
  },
  fetch: (query) => ask({ type: "query", table: "rfm", query }),
  download: { label: () => t("sales.download"), onClick: (status) => downloadCsv("rfm", status) },
});

export const lifeTable = createTable({
  id: "sales-life",
  sort: { key: "spend", dir: "desc" },
  caption: () => t("sales.lifeCaption"),
  columns: [
    { key: "customer", label: () => t("sales.l.customer"), cell: (r) => r.customer, cls: "cust-name" },
    { key: "stage", label: () => t("sales.l.stage"), cell: (r) => stageLabel(r.stage) },
    { key: "last", label: () => t("sales.l.last"), numeric: true, cell: (r) => F.int(r.last) },
    { key: "spend", label: () => t("sales.l.spend"), numeric: true, cell: (r) => money(r.spend) },
    { key: "vip", label: () => t("sales.l.vip"), cell: (r) => (r.vip ? t("sales.yes") : t("sales.no")) },
    { key: "winBack", label: () => t("sales.l.winBack"), cell: (r) => (r.winBack ? words("winBack", winBackOf(r.winBack), "label") : t("sales.notInactive")) },
    { key: "offer", label: () => t("sales.l.offer"), cell: (r) => (r.winBack ? words("winBack", winBackOf(r.winBack), "offer") : ""), cls: "cust-action", sortable: false },
  ],
  filter: {
    label: () => t("sales.show"),
    options: () => {
      const l = lifeOk() ? state.summary.lifecycle : null;
      if (!l) return [{ value: "", label: t("sales.all") }];
      return [
        { value: "", label: t("sales.all") },
        {
          group: t("sales.stageGroup"),
          options: [
            ...l.stages.map((st) => ({ value: st.key, label: `${words("stage", st, "label")} (${F.int(st.count)})` })),
            { value: "vip", label: `${t("sales.vip")} (${F.int(l.vip.count)})` },
          ],
        },
        {
          group: t("sales.winGroup"),
          options: [
            { value: "inactive", label: t("sales.inactive") },
            ...l.winBack.map((w) => ({ value: `winBack:${w.key}`, label: `${words("winBack", w, "label")} (${F.int(w.count)})` })),
          ],
        },
      ];
    },
  },
  fetch: (query) => ask({ type: "query", table: "life", query }),
  download: { label: () => t("sales.downloadLife"), onClick: (status) => downloadCsv("life", status) },
});
