/** A small namespace-aware XML reader for manifest.xml (well-formed; the XSD step reports syntax errors). */

const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ("" when none). */
  ns: string;
  /** Attributes by qualified name as written (resid, xsi:type, DefaultValue, …). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent?: XmlElement;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function parseXml(xml: string): XmlElement {
  const tokenRe =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  type Open = { el: XmlElement; nsMap: Record<string, string> };
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  let m: RegExpExecArray | null;
  while ((m = tokenRe.exec(xml))) {
    const tokenLine = line;
    line += (m[0].match(/\n/g) ?? []).length;
    if (m[1] !== undefined) {
      if (stack.length) stack[stack.length - 1].el.text += m[1];
    } else if (m[2] !== undefined) {
      const top = stack.pop();
      if (!top || `${prefixOf(top.el)}${top.el.name}` !== m[2])
        throw new Error(`line ${tokenLine}: unexpected </${m[2]}>`);
    } else if (m[3] !== undefined) {
      const raw: Record<string, string> = {};
      let a: RegExpExecArray | null;
      attrRe.lastIndex = 0;
      while ((a = attrRe.exec(m[4] ?? ""))) raw[a[1]] = decode(a[2] ?? a[3] ?? "");
      const nsMap = {
        ...(stack.length ? stack[stack.length - 1].nsMap : { xml: "http://www.w3.org/XML/1998/namespace" }),
      };
      for (const [k, v] of Object.entries(raw)) {
        if (k === "xmlns") nsMap[""] = v;
        else if (k.startsWith("xmlns:")) nsMap[k.slice(6)] = v;
      }
      const [prefix, local] = m[3].includes(":") ? m[3].split(":", 2) : ["", m[3]];
      const el: XmlElement = {
        name: local,
        ns: nsMap[prefix] ?? "",
        attrs: raw,
        children: [],
        text: "",
        line: tokenLine,
        parent: stack.length ? stack[stack.length - 1].el : undefined,
      };
      PREFIX.set(el, prefix ? `${prefix}:` : "");
      XSI.set(el, (k) => {
        for (const [q, v] of Object.entries(raw)) {
          const [p, l] = q.includes(":") ? q.split(":", 2) : ["", q];
          if (p && l === k && nsMap[p] === XSI_NS) return v;
        }
        return undefined;
      });
      if (el.parent) el.parent.children.push(el);
      else if (root) throw new Error(`line ${tokenLine}: a second root element`);
      else root = el;
      if (m[5] !== "/") stack.push({ el, nsMap });
    } else if (m[6] !== undefined) {
      if (stack.length) stack[stack.length - 1].el.text += decode(m[6]);
    }
  }
  if (!root) throw new Error("no root element");
  if (stack.length)
    throw new Error(`line ${stack[stack.length - 1].el.line}: <${stack[stack.length - 1].el.name}> is not closed`);
  return root;
}

const PREFIX = new WeakMap<XmlElement, string>();
const XSI = new WeakMap<XmlElement, (local: string) => string | undefined>();
export function prefixOf(el: XmlElement): string {
  return PREFIX.get(el) ?? "";
}
/** The local part of xsi:type ("Button", "ExecuteFunction", …). */
export function xsiType(el: XmlElement): string | undefined {
  const v = XSI.get(el)?.("type");
  return v?.includes(":") ? v.split(":")[1] : v;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
export function child(el: XmlElement | undefined, name: string, ns?: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}
export function kids(el: XmlElement | undefined, name: string, ns?: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns)) : [];
}
