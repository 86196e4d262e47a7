import { describe, expect, it } from 'vitest';
import { acceptedType } from '../../src/kernel/attachments';
import { TINY_PNG } from '../../src/fake-wecom';

// D6: the attachment type check is anchored and sniffs magic bytes — hostile classes A01–A07.

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(32, 1)]);

describe('attachment type check', () => {
  it('A01 a PNG declared image/png is accepted', () => {
    expect(acceptedType('image/png', TINY_PNG)).toBe('image/png');
  });
  it('A02 an executable declared image/png is refused (content does not match the type)', () => {
    expect(acceptedType('image/png', EXE)).toBeUndefined();
  });
  it('A03 a type with a suffix (image/png-x, text/plainhtml) is refused: the check is anchored', () => {
    expect(acceptedType('image/png-x', TINY_PNG)).toBeUndefined();
    expect(acceptedType('text/plainhtml', Buffer.from('hello'))).toBeUndefined();
  });
  it('A04 any other vnd.* type (a Windows executable) is refused', () => {
    expect(acceptedType('application/vnd.microsoft.portable-executable', EXE)).toBeUndefined();
  });
  it('A05 application/octet-stream is typed by its content: a PDF is a PDF, an executable nothing', () => {
    expect(acceptedType('application/octet-stream', PDF)).toBe('application/pdf');
    expect(acceptedType('application/octet-stream', EXE)).toBeUndefined();
  });
  it('A06 text/plain must be text: NUL bytes or invalid UTF-8 are refused', () => {
    expect(acceptedType('text/plain; charset=utf-8', Buffer.from('投诉材料清单'))).toBe('text/plain');
    expect(acceptedType('text/plain', EXE)).toBeUndefined();
    expect(acceptedType('text/plain', Buffer.from([0x41, 0xff, 0xfe, 0x41, 0x41, 0x41, 0x41]))).toBeUndefined();
  });
  it('A07 an Office Open XML file starts like a zip; parameters and case in the declared type are tolerated', () => {
    expect(acceptedType('Application/VND.openxmlformats-officedocument.wordprocessingml.document; x=1', DOCX)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});
