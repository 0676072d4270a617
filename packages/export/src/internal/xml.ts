/**
 * XML text helpers. XML 1.0 cannot carry most control characters even escaped, so they are
 * dropped; everything else is escaped for text content or attribute values.
 */

function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // a lone surrogate (pairs arrive as one code point)
  return code !== 0xfffe && code !== 0xffff;
}

/** Removes characters XML 1.0 cannot represent. */
export function stripInvalidXml(text: string): string {
  // Fast path: scan UTF-16 units; only control characters, surrogates or U+FFFE/U+FFFF need the slow path.
  let suspect = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (
      (unit < 0x20 && unit !== 0x9 && unit !== 0xa && unit !== 0xd) ||
      (unit >= 0xd800 && unit <= 0xdfff) ||
      unit >= 0xfffe
    ) {
      suspect = true;
      break;
    }
  }
  if (!suspect) return text;
  let out = '';
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) out += char;
  return out;
}

export function escapeXmlText(text: string): string {
  return stripInvalidXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
