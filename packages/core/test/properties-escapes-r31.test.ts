import { describe, expect, it } from 'vitest'
import { REDACTED, redactString } from '../src/kit.js'
import { growth } from './support/growth.js'

// Java's `Properties.store` (openjdk/jdk@d0a448c63bf18417e856ac281d1e28705f7a8f41,
// src/java.base/share/classes/java/util/Properties.java, `store`): "For the element, leading space characters, but not
// embedded or trailing space characters, are written with a preceding \ character. The key and element characters #,
// !, =, and : are written with a preceding backslash" (`saveConvert(val, false, escUnicode)`: `case ' ': if (x == 0 ||
// escapeSpace) outBuffer.append('\\')`). A secret that starts with a space is written `password=\ S`, which showed S.

describe('a Java properties value written by Properties.store', () => {
  it.each([
    ['a leading space', 'db.password=\\ S3cret', `db.password=${REDACTED}`],
    ['leading spaces and a colon separator', 'password:\\ \\ S3cret', `password:${REDACTED}`],
    ['escaped = : # ! inside', 'password=a\\=b\\:c\\#d\\!S3cret', `password=${REDACTED}`],
    ['a leading space, then the next line', 'password=\\ S3cret\nuser=bob', `password=${REDACTED}\nuser=bob`],
  ])('hides the whole value: %s', (_name, text, expected) => {
    expect(redactString(text)).toBe(expected)
  })

  it('still ends a value at a JSON escape of a line break or tab, and at a backslash before a raw one', () => {
    expect(redactString('password=S3cret\\nuser=bob')).toBe(`password=${REDACTED}\\nuser=bob`)
    expect(redactString('password=S3cret\\\nuser=bob')).toBe(`password=${REDACTED}\\\nuser=bob`)
    expect(redactString('password=S3cret\\\tuser')).toBe(`password=${REDACTED}\\\tuser`)
  })

  it('is linear on escaped spaces', () => {
    expect(growth(redactString, 'password=\\ \\ \\ a ', 16384, 16)).toBeLessThan(16)
  })
})
