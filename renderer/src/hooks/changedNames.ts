const isPlainObject = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The names a change touched, nested ones too: antd reports an edit inside a Form.List as
 * `{ parties: [ , { idNumber: '…' }] }`. An array of plain values (a cascader's path) is one value.
 */
export function changedNames(changed: object, prefix: (string | number)[] = []): (string | number)[][] {
  const names: (string | number)[][] = [];
  for (const [key, value] of Object.entries(changed)) {
    const name = [...prefix, Array.isArray(changed) ? Number(key) : key];
    names.push(name);
    const nested = Array.isArray(value) ? value.some(isPlainObject) : isPlainObject(value);
    if (nested) names.push(...changedNames(value as object, name));
  }
  return names;
}
