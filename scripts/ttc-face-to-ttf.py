#!/usr/bin/env python3
"""Copies one face of a TrueType collection (.ttc) into a standalone .ttf.

JasperReports' font extensions load only .ttf/.otf files, and Debian ships WenQuanYi Micro Hei (the reports'
CJK + Latin font) as a collection. This is how reports/src/main/resources/fonts/wqy/wqy-microhei.ttf was made:

    python3 scripts/ttc-face-to-ttf.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 wqy-microhei.ttf

Only for collections of glyf-based (TrueType outline) faces; tables are copied as they are.
"""
import struct
import sys


def main(source, index, target):
    data = open(source, 'rb').read()
    offset = struct.unpack('>I', data[12 + 4 * index:16 + 4 * index])[0]
    version, count = struct.unpack('>IH', data[offset:offset + 6])
    tables = [struct.unpack('>4sIII', data[offset + 12 + 16 * i:offset + 28 + 16 * i]) for i in range(count)]
    entry_selector = count.bit_length() - 1
    directory, body = b'', b''
    start = 12 + 16 * count
    for tag, checksum, table_offset, length in tables:
        directory += struct.pack('>4sIII', tag, checksum, start + len(body), length)
        body += data[table_offset:table_offset + length] + b'\0' * (-length % 4)
    header = struct.pack('>IHHHH', version, count, 16 << entry_selector, entry_selector,
                         count * 16 - (16 << entry_selector))
    open(target, 'wb').write(header + directory + body)


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
