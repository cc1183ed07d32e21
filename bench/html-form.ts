/**
 * A browser without JavaScript, for the soak test (bench/deployment.ts): reads a page's form the
 * way it would be sent — hidden fields (Next's server-action fields included), checked boxes and
 * radios, typed values, each select's chosen option — and posts it as multipart, like a no-JS
 * browser does. Pages are Toile's own HTML; this is not a general HTML parser.
 */
const ATTRIBUTE = /([\w:$.-]+)(?:="([^"]*)")?/g;

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  for (const match of inner.matchAll(ATTRIBUTE)) found[match[1]!] = decode(match[2] ?? "");
  return found;
}

/** The fields of the form whose submit button reads `button`, as that button would send them; null when the page has no such form. */
export function formFields(html: string, button: string): FormData | null {
  for (const [form] of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    const submit = [...form.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/g)].find((match) => match[1]!.replace(/<[^>]+>/g, "").trim() === button);
    if (!submit) continue;
    const data = new FormData();
    for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
      const input = attributes(tag);
      if (!input.name || input.disabled !== undefined) continue;
      const type = input.type ?? "text";
      if ((type === "checkbox" || type === "radio") && input.checked === undefined) continue;
      if (type === "submit" || type === "file") continue;
      data.append(input.name, input.value ?? (type === "checkbox" ? "on" : ""));
    }
    for (const [, tag, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
      const name = attributes(tag!).name;
      if (name) data.append(name, decode(body!));
    }
    for (const [, tag, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
      const name = attributes(tag!).name;
      if (!name) continue;
      const options = [...body!.matchAll(/<option\b[^>]*>/g)].map(([option]) => attributes(option));
      const chosen = options.find((option) => option.selected !== undefined) ?? options[0];
      data.append(name, chosen?.value ?? "");
    }
    const pressed = attributes(submit[0].slice(0, submit[0].indexOf(">") + 1));
    if (pressed.name) data.append(pressed.name, pressed.value ?? "");
    return data;
  }
  return null;
}

/** The first non-empty option of a select named `name`. */
export function firstOption(html: string, name: string): string | null {
  const select = new RegExp(`<select\\b[^>]*name="${name.replace(/[.$]/g, "\\$&")}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  if (!select) return null;
  for (const [option] of select[1]!.matchAll(/<option\b[^>]*>/g)) {
    const value = attributes(option).value;
    if (value) return value;
  }
  return null;
}
