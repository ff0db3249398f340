import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { buildXml, canonicalOfBuilt, canonicalize, clean, serialiseTree, signXml, verifyXml, type XmlTree } from './ceb-xml';

// The reference: fast-xml-parser's builder with the settings the messages were built with
// before serialiseTree, on the tree with its strings cleaned as buildXml cleans them.
const reference = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: false, suppressEmptyNode: false, processEntities: true });
function cleaned(tree: XmlTree): XmlTree {
  const out: XmlTree = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[k] = clean(v);
    else if (Array.isArray(v)) out[k] = (v as (XmlTree | string)[]).map((x) => (typeof x === 'string' ? clean(x) : cleaned(x))) as XmlTree[];
    else if (typeof v === 'object') out[k] = cleaned(v);
    else out[k] = v;
  }
  return out;
}

const name = fc.stringMatching(/^(ceb:|ds:)?[A-Za-z][A-Za-z0-9]{0,8}$/);
// Text with what XML must escape, Chinese, whitespace to trim, control characters to drop.
const text = fc.oneof(fc.string(), fc.constantFrom('北京市朝阳区 & <某> "路" \'1号\'', '  padded\r\n ', 'a\u0001b', '', '110101199003070019'));
const value = fc.oneof(text, fc.integer({ min: 0, max: 1_000_000 }));
const { tree } = fc.letrec<{ tree: XmlTree; element: XmlTree[string] }>((tie) => ({
  tree: fc.dictionary(name, tie('element'), { maxKeys: 4 }),
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value,
    fc.array(text, { minLength: 1, maxLength: 3 }),
    fc.tuple(fc.dictionary(name.map((n) => `@_${n}`), text, { maxKeys: 2 }), tie('tree') as fc.Arbitrary<XmlTree>).map(([attrs, children]) => ({ ...attrs, ...children })),
    fc.array(tie('tree') as fc.Arbitrary<XmlTree>, { minLength: 1, maxLength: 3 }),
  ) as fc.Arbitrary<XmlTree[string]>,
}));

describe('serialiseTree', () => {
  it('writes what fast-xml-parser’s builder writes for the cleaned tree', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(serialiseTree(t)).toBe(reference.build(cleaned(t)));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes the five XML characters in text and attributes, and drops what XML 1.0 forbids', () => {
    expect(serialiseTree({ 'ceb:a': { '@_k': `<"&'>`, 'ceb:b': ' x & y\u0002 ', 'ceb:c': ['1', '2'], 'ceb:d': 7 } })).toBe(
      '<ceb:a k="&lt;&quot;&amp;&apos;&gt;"><ceb:b>x &amp; y</ceb:b><ceb:c>1</ceb:c><ceb:c>2</ceb:c><ceb:d>7</ceb:d></ceb:a>',
    );
  });
});

describe('clean', () => {
  // What clean did before its fast path (values needing nothing but a trim skip the replaces): the same answer for any text.
  const full = (t: string) =>
    t
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .trim();
  const odd = fc.constantFrom('\r', '\r\n', '\n', '\t', '\u0000', '\u000B', '\u001F', '\uD83D', '\uDE00', '\uD83D\uDE00', '\uFFFE', '\uFFFF', ' ', '北', 'a');

  it('answers what the two replaces and the trim answer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(odd, { maxLength: 12 }).map((a) => a.join(''))), (t) => {
        expect(clean(t)).toBe(full(t));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('buildXml', () => {
  const messageLike = fc.record({ guid: fc.uuid(), consignee: text, address: text, amounts: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 4 }) });

  it('is canonical already after its declaration: parsing and re-serialising changes nothing', () => {
    fc.assert(
      fc.property(messageLike, (m) => {
        const xml = buildXml({
          'ceb:CEB311Message': {
            '@_guid': m.guid,
            '@_version': '1.0',
            '@_xmlns:ceb': 'http://www.chinaport.gov.cn/ceb',
            'ceb:Order': m.amounts.map((a) => ({ 'ceb:OrderHead': { 'ceb:consignee': m.consignee || '-', 'ceb:consigneeAddress': m.address || '-', 'ceb:goodsValue': (a / 100).toFixed(2) } })),
          },
        });
        expect(canonicalize(xml)).toBe(canonicalOfBuilt(xml));
      }),
      { numRuns: 200 },
    );
  });

  it('signs documents a verifier accepts, and refuses once a value changed', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const xml = buildXml({ 'ceb:CEB311Message': { '@_xmlns:ceb': 'http://www.chinaport.gov.cn/ceb', 'ceb:Order': { 'ceb:consignee': '张三 & 李四', 'ceb:goodsValue': '12.30' } } });
    const signed = signXml(xml, { privateKey, keyName: 'vitrine-test' }, { built: true });
    expect(verifyXml(signed, publicKey)).toEqual({ ok: true, keyName: 'vitrine-test' });
    expect(verifyXml(signed.replace('12.30', '1.23'), publicKey)).toEqual({ ok: false, reason: 'digest mismatch: the message was changed after signing' });
  });
});
