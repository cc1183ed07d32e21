/**
 * A posted form as the object its zod schema reads. Names nest with dots ("slots.2.opens"), a
 * numeric segment makes an array (kept in index order, holes dropped), and a name posted several
 * times (a group of checkboxes) becomes an array of its values. Files are ignored.
 */
export type FormValue = string | string[] | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);
const MAX_DEPTH = 4;

export function formDataToObject(formData: FormData): FormObject {
  const root: FormObject = Object.create(null);
  for (const name of new Set(formData.keys())) {
    const values = formData.getAll(name).filter((value): value is string => typeof value === "string");
    if (values.length === 0) continue;
    const path = name.split(".");
    if (path.length > MAX_DEPTH || path.some((segment) => segment === "" || FORBIDDEN.has(segment))) continue;
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined || typeof next === "string" || Array.isArray(next)) node[segment] = Object.create(null);
      node = node[segment] as FormObject;
    }
    node[path[path.length - 1]!] = values.length === 1 ? values[0]! : values;
  }
  return arraysFromNumericKeys(root) as FormObject;
}

function arraysFromNumericKeys(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((key) => [key, arraysFromNumericKeys(value[key]!)]));
  if (keys.length > 0 && keys.every((key) => /^\d{1,4}$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => converted[key]!);
  }
  return converted;
}
