import { z } from 'zod';
import { DOMAIN_FACTS } from '../facts';
import { NetworkFinding } from './NetworkFinding';

/** A section's shape: its field names and the zod schema of each (see requestShape.ts). */
export type Shape = Record<string, z.ZodTypeAny>;

type Unwrapped<T> = T extends z.ZodOptional<infer Inner> ? Inner : T;

/** Keys of S whose schema (optional or not) satisfies `Of`. */
type KeysOf<S extends Shape, Of> = {
  [K in keyof S & string]: Unwrapped<S[K]> extends Of ? K : never;
}[keyof S & string];

type LeafValue<T> = Unwrapped<T> extends z.ZodType<infer Out> ? Out : never;
type ListItem<T> = Unwrapped<T> extends z.ZodArray<infer Item>
  ? z.output<Item>
  : never;
type SubShape<T> = Unwrapped<T> extends z.ZodObject<infer Sub>
  ? Sub
  : Unwrapped<T> extends z.ZodArray<z.ZodObject<infer Sub>>
  ? Sub
  : never;

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  return schema instanceof z.ZodOptional ? schema.unwrap() : schema;
}

/**
 * One object of the input read against its shape: each read names only the key, and
 * the dotted field, the schema and whether the field is required come from the shape,
 * so no read restates them. `value` is undefined when the object is absent or could
 * not be read; every read of it is then undefined too.
 */
export class Section<S extends Shape> {
  constructor(
    private readonly reader: InputReader,
    readonly value: Record<string, unknown> | undefined,
    readonly field: string,
    private readonly shape: S,
  ) {}

  /** The dotted field of a key of this section. */
  fieldOf(key: keyof S & string): string {
    return this.field ? `${this.field}.${key}` : key;
  }

  /** True when the key is absent or null (a field left to its default). */
  isAbsent(key: keyof S & string): boolean {
    const value = ownValue(this.value, key);
    return value === undefined || value === null;
  }

  /** A leaf checked by its schema; undefined when absent or invalid. */
  leaf<K extends keyof S & string>(key: K): LeafValue<S[K]> | undefined {
    const schema = this.shape[key];
    return this.reader.leaf(
      this.value,
      key,
      this.fieldOf(key),
      unwrap(schema) as z.ZodType<LeafValue<S[K]>>,
      { required: !schema.isOptional() },
    );
  }

  /** A list whose items are checked by the list's item schema; bad items are left out. */
  list<K extends KeysOf<S, z.ZodArray<z.ZodTypeAny>>>(
    key: K,
  ): Array<{ value: ListItem<S[K]>; field: string }> | undefined {
    const schema = unwrap(this.shape[key]) as z.ZodArray<
      z.ZodType<ListItem<S[K]>>
    >;
    return this.reader.list(this.value, key, this.fieldOf(key), schema.element);
  }

  /** A nested object, read against its own shape. */
  section<K extends KeysOf<S, z.AnyZodObject>>(
    key: K,
  ): Section<SubShape<S[K]>> {
    const schema = this.shape[key];
    const shape = (unwrap(schema) as z.AnyZodObject).shape as SubShape<S[K]>;
    const field = this.fieldOf(key);
    const value = this.reader.object(this.value, key, field, {
      required: !schema.isOptional(),
      knownKeys: Object.keys(shape),
    });
    return new Section(this.reader, value, field, shape);
  }

  /**
   * A list of objects, each read against the item shape with its own dotted field
   * (`nodePools.0`); undefined when the list itself could not be read.
   */
  sections<K extends KeysOf<S, z.ZodArray<z.AnyZodObject>>>(
    key: K,
  ): Array<Section<SubShape<S[K]>>> | undefined {
    const schema = this.shape[key];
    const shape = (unwrap(schema) as z.ZodArray<z.AnyZodObject>).element
      .shape as SubShape<S[K]>;
    return this.reader
      .objects(this.value, key, this.fieldOf(key), {
        required: !schema.isOptional(),
        knownKeys: Object.keys(shape),
      })
      ?.map(item => new Section(this.reader, item.value, item.field, shape));
  }
}

/**
 * Reads untrusted input one field at a time, so one bad field becomes one finding and
 * the other fields are still read and checked (docs/domain.md#bad-input: "Bad input … gets a clear error
 * naming the field"). zod checks each leaf's type; its issues become findings.
 */
export class InputReader {
  readonly findings: NetworkFinding[] = [];

  /** Adds a finding. */
  report(finding: NetworkFinding): void {
    this.findings.push(finding);
  }

  /**
   * The input itself, which must be an object, read against the request's shape
   * (its top-level keys are known fields, its field paths have no prefix).
   */
  root<S extends Shape>(input: unknown, shape: S): Section<S> {
    if (!isPlainRecord(input)) {
      this.wrongType('(input)', 'an object', input);
      return new Section(this, undefined, '', shape);
    }
    this.unknownKeys(input, '', Object.keys(shape));
    return new Section(this, input, '', shape);
  }

  /** An object field, or undefined (with a finding when present but not an object). */
  object(
    parent: Record<string, unknown> | undefined,
    key: string,
    field: string,
    options: { required?: boolean; knownKeys: readonly string[] },
  ): Record<string, unknown> | undefined {
    const value = ownValue(parent, key);
    if (value === undefined || value === null) {
      if (options.required && parent !== undefined) {
        this.missing(field, 'an object');
      }
      return undefined;
    }
    if (!isPlainRecord(value)) {
      this.wrongType(field, 'an object', value);
      return undefined;
    }
    this.unknownKeys(value, field, options.knownKeys);
    return value;
  }

  /** A list of objects, each with its own dotted field (`nodePools.0`). */
  objects(
    parent: Record<string, unknown> | undefined,
    key: string,
    field: string,
    options: { required?: boolean; knownKeys: readonly string[] },
  ): Array<{ value: Record<string, unknown>; field: string }> | undefined {
    const value = ownValue(parent, key);
    if (value === undefined || value === null) {
      if (options.required && parent !== undefined) {
        this.missing(field, 'a list');
      }
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.wrongType(field, 'a list', value);
      return undefined;
    }
    const items: Array<{ value: Record<string, unknown>; field: string }> = [];
    value.forEach((entry: unknown, index) => {
      const itemField = `${field}.${index}`;
      if (!isPlainRecord(entry)) {
        this.wrongType(itemField, 'an object', entry);
        return;
      }
      this.unknownKeys(entry, itemField, options.knownKeys);
      items.push({ value: entry, field: itemField });
    });
    return items;
  }

  /** A leaf checked by a zod schema; undefined when absent or invalid. */
  leaf<T>(
    parent: Record<string, unknown> | undefined,
    key: string,
    field: string,
    schema: z.ZodType<T>,
    options: { required?: boolean } = {},
  ): T | undefined {
    const value = ownValue(parent, key);
    if (value === undefined || value === null) {
      if (options.required && parent !== undefined) {
        this.missing(field, 'a value');
      }
      return undefined;
    }
    return this.check(value, field, schema);
  }

  /** A list whose items are checked by a zod schema; bad items are left out. */
  list<T>(
    parent: Record<string, unknown> | undefined,
    key: string,
    field: string,
    item: z.ZodType<T>,
  ): Array<{ value: T; field: string }> | undefined {
    const value = ownValue(parent, key);
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.wrongType(field, 'a list', value);
      return undefined;
    }
    const items: Array<{ value: T; field: string }> = [];
    value.forEach((entry: unknown, index) => {
      const checked = this.check(entry, `${field}.${index}`, item);
      if (checked !== undefined) {
        items.push({ value: checked, field: `${field}.${index}` });
      }
    });
    return items;
  }

  private check<T>(
    value: unknown,
    field: string,
    schema: z.ZodType<T>,
  ): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      return parsed.data;
    }
    const issue = parsed.error.issues[0];
    this.report({
      field,
      rule: 'input-type',
      severity: 'error',
      message: `${field} is ${describeValue(value)}: ${
        issue?.message ?? 'invalid value'
      }.`,
      fact: DOMAIN_FACTS.badInput,
    });
    return undefined;
  }

  private missing(field: string, expected: string): void {
    this.report({
      field,
      rule: 'input-required',
      severity: 'error',
      message: `${field} is required (expected ${expected}).`,
      fact: DOMAIN_FACTS.badInput,
    });
  }

  private wrongType(field: string, expected: string, value: unknown): void {
    this.report({
      field,
      rule: 'input-type',
      severity: 'error',
      message: `${field} is ${describeValue(value)}, expected ${expected}.`,
      fact: DOMAIN_FACTS.badInput,
    });
  }

  private unknownKeys(
    value: Record<string, unknown>,
    field: string,
    knownKeys: readonly string[],
  ): void {
    for (const key of Object.keys(value)) {
      if (knownKeys.includes(key)) {
        continue;
      }
      const path = field ? `${field}.${key}` : key;
      const meant = knownKeys.find(
        known => known.toLowerCase() === key.toLowerCase(),
      );
      this.report({
        field: path || '(empty key)',
        rule: 'input-unknown-field',
        severity: 'warning',
        message: meant
          ? `${path} is not read; did you mean ${
              field ? `${field}.` : ''
            }${meant}?`
          : `${path} is not a field of the network request and is ignored.`,
        fact: DOMAIN_FACTS.badInput,
      });
    }
  }
}

/** Own enumerable-or-not data of an object, never inherited members like `toString`. */
export function ownValue(
  parent: Record<string, unknown> | undefined,
  key: string,
): unknown {
  if (
    parent === undefined ||
    !Object.prototype.hasOwnProperty.call(parent, key)
  ) {
    return undefined;
  }
  return parent[key];
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A short, safe description of any value for a message: never calls the value's own
 * `toString` (garbage input may not have a working one).
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > 80 ? `'${value.slice(0, 77)}…'` : `'${value}'`;
    case 'number':
      return Number.isNaN(value) ? 'NaN' : `the number ${String(value)}`;
    case 'bigint':
      return `the bigint ${value.toString()}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'undefined':
      return 'missing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) {
        return 'null';
      }
      return Array.isArray(value) ? 'a list' : 'an object';
  }
}
