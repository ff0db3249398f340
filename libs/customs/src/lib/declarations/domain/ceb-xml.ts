import { createHash, createHmac, sign, verify, type KeyObject } from 'node:crypto';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** Namespace of China's cross-border e-commerce messages (海关总署公告2018年第165号). */
export const CEB_NS = 'http://www.chinaport.gov.cn/ceb';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** Our canonical form (see `canonicalize`); named so a verifier knows what it checks. */
export const CANONICAL_FORM = 'urn:vitrine:ceb:canonical-xml:1';

const ORDERED = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
} as const;
const orderedParser = new XMLParser(ORDERED);
const orderedBuilder = new XMLBuilder({ ...ORDERED, format: false, suppressEmptyNode: false });

/** An element tree as fast-xml-parser builds it: `@_` attributes, child elements, arrays for repeats. */
export type XmlTree = { [name: string]: string | number | XmlTree | XmlTree[] | string[] };

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** What `clean` would change besides trimming: a carriage return, a control character, a surrogate, U+FFFE or U+FFFF. */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text as XML 1.0 allows it (no control characters or lone surrogates), line ends as parsers see them, trimmed. */
export function clean(text: string): string {
  // Most values hold none of what is removed or rewritten: they are only trimmed (no regex replace, no copy).
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => (/[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text);

type TreeValue = XmlTree[string] | boolean | null | undefined;

/** A leaf value as escaped XML text (strings cleaned first). */
const leafText = (value: string | number | boolean) => escapeXml(typeof value === 'string' ? clean(value) : String(value));

/**
 * `<name …>…</name>` for one value of the tree (an array repeats the element), built by string
 * concatenation: V8 keeps the pieces as a rope and flattens it once, where arrays of pieces
 * (pushed, spread into the parent's, joined) made the garbage of the documents the pipeline
 * builds for every order (docs/performance.md, bench:pipeline).
 */
function serialise(name: string, value: TreeValue): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    let xml = '';
    for (const item of value as TreeValue[]) xml += serialise(name, item);
    return xml;
  }
  if (typeof value !== 'object') return `<${name}>${leafText(value)}</${name}>`;
  let open = `<${name}`;
  let body = '';
  for (const key of Object.keys(value)) {
    const child = value[key] as TreeValue;
    if (key.startsWith('@_')) {
      if (child !== undefined && child !== null) open += ` ${key.slice(2)}="${leafText(child as string | number | boolean)}"`;
    } else if (key === '#text') {
      if (child !== undefined && child !== null) body += leafText(child as string | number | boolean);
    } else body += serialise(key, child);
  }
  return `${open}>${body}</${name}>`;
}

/**
 * The tree as compact XML, values cleaned and trimmed (`clean`) and escaped the way
 * fast-xml-parser's builder escapes them, whose output it equals (ceb-xml.spec checks it on
 * random trees): a document's text is its canonical form already. Written out by hand
 * because the three documents of every order go through it (docs/performance.md).
 */
export function serialiseTree(tree: XmlTree): string {
  let xml = '';
  for (const key of Object.keys(tree)) xml += serialise(key, tree[key]);
  return xml;
}

/**
 * `<?xml?>` + the tree, compact; element order is the tree's insertion order. Values are
 * trimmed, so what follows the declaration is already in canonical form (see
 * `canonicalize`): signing it needs no second parse.
 */
export function buildXml(tree: XmlTree): string {
  return `${DECLARATION}${serialiseTree(tree)}`;
}

/** The canonical form of a document made by buildXml: the same text without its declaration. */
export function canonicalOfBuilt(xml: string): string {
  if (!xml.startsWith(DECLARATION)) throw new Error('not a document made by buildXml');
  return xml.slice(DECLARATION.length);
}

/**
 * The canonical form a signature covers: no declaration, no insignificant whitespace,
 * attributes and elements in document order, text trimmed, entities escaped one way. Both
 * the signer and a verifier get it by parsing and re-serialising with the same settings, so
 * pretty-printing or a different declaration in transit does not break the signature.
 */
export function canonicalize(xml: string): string {
  return orderedBuilder.build(orderedParser.parse(xml));
}

function nameOf(node: OrderedNode): string {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name) throw new Error('empty XML node');
  return name;
}

function rootOf(doc: OrderedNode[]): OrderedNode {
  const roots = doc.filter((n) => !('#text' in n));
  if (roots.length !== 1) throw new Error('an XML message has exactly one root element');
  return roots[0];
}

function textOf(node: OrderedNode | undefined, path: string[]): string | undefined {
  let current = node;
  for (const step of path) {
    const children = current?.[nameOf(current)] as OrderedNode[] | undefined;
    current = children?.find((c) => nameOf(c) === step);
  }
  const children = current ? (current[nameOf(current)] as OrderedNode[] | undefined) : undefined;
  return (children?.find((c) => '#text' in c)?.['#text'] as string | undefined) ?? undefined;
}

export interface SigningKey {
  privateKey: KeyObject;
  /** Certificate number or key name customs knows the key by. */
  keyName: string;
}

function signedInfoTree(digest: string): XmlTree {
  return {
    'ds:SignedInfo': {
      'ds:CanonicalizationMethod': { '@_Algorithm': CANONICAL_FORM },
      'ds:SignatureMethod': { '@_Algorithm': RSA_SHA256 },
      'ds:Reference': {
        '@_URI': '',
        'ds:Transforms': { 'ds:Transform': { '@_Algorithm': ENVELOPED } },
        'ds:DigestMethod': { '@_Algorithm': SHA256 },
        'ds:DigestValue': digest,
      },
    },
  };
}

/**
 * Signs a message the XML-DSig way, enveloped: the SHA-256 digest of the canonical message
 * goes into SignedInfo, RSA-SHA256 signs the canonical SignedInfo, and the ds:Signature
 * element is appended as the root's last child.
 */
export function signXml(xml: string, key: SigningKey, options: { built?: boolean } = {}): string {
  // A document from buildXml is canonical already; anything else is parsed and re-serialised.
  const canonical = options.built ? canonicalOfBuilt(xml) : canonicalize(xml);
  const digest = createHash('sha256').update(canonical, 'utf8').digest('base64');
  const signedInfo = serialiseTree(signedInfoTree(digest));
  const signatureValue = sign('sha256', Buffer.from(signedInfo, 'utf8'), key.privateKey).toString('base64');
  const signature = serialiseTree({
    'ds:Signature': { '@_xmlns:ds': DSIG_NS, ...signedInfoTree(digest), 'ds:SignatureValue': signatureValue, 'ds:KeyInfo': { 'ds:KeyName': key.keyName } },
  });
  const close = xml.lastIndexOf('</');
  if (close < 0) throw new Error('cannot sign an empty document');
  return `${xml.slice(0, close)}${signature}${xml.slice(close)}`;
}

export type VerifyResult = { ok: true; keyName: string } | { ok: false; reason: string };

/** Checks an enveloped signature made by `signXml` against the sender's public key. */
export function verifyXml(xml: string, publicKey: KeyObject): VerifyResult {
  let doc: OrderedNode[];
  try {
    doc = orderedParser.parse(xml) as OrderedNode[];
  } catch (error) {
    return { ok: false, reason: `not well-formed XML: ${(error as Error).message}` };
  }
  const root = rootOf(doc);
  const children = root[nameOf(root)] as OrderedNode[];
  const signature = children.find((c) => nameOf(c) === 'ds:Signature');
  if (!signature) return { ok: false, reason: 'the message carries no ds:Signature' };
  const signedInfo = (signature['ds:Signature'] as OrderedNode[]).find((c) => nameOf(c) === 'ds:SignedInfo');
  const digest = textOf(signature, ['ds:SignedInfo', 'ds:Reference', 'ds:DigestValue']);
  const value = textOf(signature, ['ds:SignatureValue']);
  const keyName = textOf(signature, ['ds:KeyInfo', 'ds:KeyName']) ?? '';
  if (!signedInfo || !digest || !value) return { ok: false, reason: 'incomplete ds:Signature' };
  const unsigned = [{ ...root, [nameOf(root)]: children.filter((c) => c !== signature) }];
  const actual = createHash('sha256').update(orderedBuilder.build(unsigned), 'utf8').digest('base64');
  if (actual !== digest) return { ok: false, reason: 'digest mismatch: the message was changed after signing' };
  const signedInfoXml = orderedBuilder.build([signedInfo]);
  if (!verify('sha256', Buffer.from(signedInfoXml, 'utf8'), publicKey, Buffer.from(value, 'base64'))) return { ok: false, reason: 'bad signature' };
  return { ok: true, keyName };
}

export type XmlNode = string | XmlObject | XmlNode[];
export interface XmlObject {
  [name: string]: XmlNode;
}

/**
 * Reads a message into plain objects (text as strings, `@_` attributes); the listed element
 * names are always arrays. `T` is the shape the caller expects to read.
 */
export function parseXml<T = XmlObject>(xml: string, arrays: readonly string[] = []): T {
  const repeated = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    isArray: (name) => repeated.has(name),
  });
  return parser.parse(xml) as T;
}

/** A stable UUID (version 5 layout) from a name: the same order and document always get the same guid. */
export function stableGuid(name: string): string {
  const h = createHmac('sha1', 'vitrine-ceb-guid').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
