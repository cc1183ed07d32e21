/**
 * Just enough XML for Office Open XML packages: escaping what we write, and a small tree parser
 * for what we read (no dependency; spreadsheets have no DTDs, no custom entities, no mixed content
 * that matters).
 */

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates). */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripForbiddenXmlChars(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, "");
}

/**
 * Escapes text for an element's content or an attribute's value. CR, LF and tab are written as
 * character references: a parser normalises a literal CR (and, in attributes, any line break or
 * tab) away, the reference survives.
 */
export function escapeXml(value: string): string {
  return stripForbiddenXmlChars(value).replace(/[&<>"'\r\n\t]/g, (char) => ESCAPES[char]!);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
  "\n": "&#10;",
  "\t": "&#9;",
};

export interface XmlElement {
  /** Local name: a namespace prefix ("x:c") is dropped, since OOXML writers differ in prefixes. */
  name: string;
  /** Attributes by local name too ("r:id" → "id"); namespace declarations are left out. */
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export class XmlSyntaxError extends Error {}

/** Parses a document into its root element. Lenient on what does not matter, strict on the rest. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const open: XmlElement[] = [root];
  for (const match of text.matchAll(TOKEN)) {
    const [token, cdata, closing, rawName, rawAttributes, selfClosing, chars] = match;
    const parent = open[open.length - 1]!;
    if (token === "<!DOCTYPE") throw new XmlSyntaxError("unexpected DTD");
    if (token === "<") throw new XmlSyntaxError(`malformed tag at ${match.index}`);
    if (cdata !== undefined) parent.children.push(cdata);
    else if (chars !== undefined) parent.children.push(decodeEntities(chars));
    else if (rawName === undefined) continue; // comment or processing instruction
    else if (closing) {
      const name = localName(rawName);
      const at = open.findLastIndex((element) => element.name === name);
      if (at > 0) open.length = at;
    } else {
      const element: XmlElement = { name: localName(rawName), attributes: {}, children: [] };
      for (const [, name, double, single] of (rawAttributes ?? "").matchAll(ATTRIBUTE)) {
        if (name === "xmlns" || name!.startsWith("xmlns:")) continue;
        element.attributes[localName(name!)] = decodeEntities(double ?? single ?? "");
      }
      parent.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  const element = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (!element) throw new XmlSyntaxError("no root element");
  return element;
}

export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (!name || child.name === name));
}

export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The element's own text (its direct text children). */
export function ownText(element: XmlElement | undefined): string {
  return element ? element.children.filter((child) => typeof child === "string").join("") : "";
}
