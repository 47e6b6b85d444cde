#!/usr/bin/python3
"""Seeds for the targets over outside input (files on disk, /proc and /sys, USB facts,
device replies, the simulator's peers, what a person types). Deterministic; run again
after changing an input format. Report seeds (real files coldcheck wrote) are copied
in by hand from a demo run and not regenerated here."""
import os
import struct

from make_corpus import FEATURES, KEEPKEY_FEATURES, field, frame

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def reports(*frames, sizes=None):
    """FuzzLink input: each 64-byte report preceded by a selector byte < 0x80."""
    out = b""
    for fr in frames:
        for i in range(0, len(fr), 64):
            out += b"\x00" + fr[i:i + 64]
    return out


def acl(entries):
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", t, p, i) for t, p, i in entries)


def ledger_reply(data, sw=0x9000):
    raw = data + struct.pack(">H", sw)
    return bytes([len(raw)]) + raw


def lv(s):
    s = s.encode() if isinstance(s, str) else s
    return bytes([len(s)]) + s


def main():
    # report files: hand-made shapes (real ones are added from a demo run)
    write("fuzz_report_file", "empty_object.json", b"{}")
    write("fuzz_report_file", "duplicate_key.json", b'{"body": {"verdict": "VERDICT_OK", "verdict": "VERDICT_STOP"}}')
    write("fuzz_report_file", "no_block.html", b"<!doctype html><html><body>hi</body></html>")
    write("fuzz_report_file", "two_blocks.html",
          b'<script type="application/json" id="coldcheck-report">{}</script>'
          b'<script type="application/json" id="coldcheck-report">{}</script>')
    write("fuzz_report_file", "body_only.pb", b"\x0a\x02\x08\x02")

    # install key files: selector (0 regular 0600, 1 regular 0640, 2 FIFO, 3 symlink), contents
    write("fuzz_install_key", "good", b"\x00" + bytes(range(32)))
    write("fuzz_install_key", "short", b"\x00" + bytes(31))
    write("fuzz_install_key", "group_readable", b"\x01" + bytes(32))
    write("fuzz_install_key", "fifo", b"\x02")
    write("fuzz_install_key", "symlink_to_dev_zero", b"\x03")

    # udev rules: vid, pid, then the rules text
    with open(os.path.join(ROOT, "udev", "51-coldcheck.rules"), "rb") as f:
        shipped = f.read()
    write("fuzz_udev_rules", "shipped", struct.pack(">HH", 0x1209, 0x53C1) + shipped)
    write("fuzz_udev_rules", "continuation_and_junk", struct.pack(">HH", 0x534C, 0x0001) +
          b'SUBSYSTEM=="usb", ATTR{idVendor}=="534c", \\\n  ATTR{idProduct}=="0001" MODE="0660", TAG+="uaccess"\n'
          b'KERNEL=="hidraw*", ATTRS{idVendor}="534c" GROUP="plugdev"\n"unterminated\n# comment\n')

    # POSIX ACLs: user_obj, named user, group_obj, mask, other
    write("fuzz_posix_acl", "uaccess", acl([(1, 6, 0xFFFFFFFF), (2, 6, 1000), (4, 6, 0xFFFFFFFF),
                                            (0x10, 6, 0xFFFFFFFF), (0x20, 0, 0xFFFFFFFF)]))
    write("fuzz_posix_acl", "minimal", acl([(1, 6, 0xFFFFFFFF), (4, 4, 0xFFFFFFFF), (0x20, 4, 0xFFFFFFFF)]))
    write("fuzz_posix_acl", "wrong_version", struct.pack("<I", 1) + bytes(8))

    # /proc and /sys: comm, fd link, exe link, uevent, busnum, devnum, device path, webusb flag
    def proc(*fields, webusb=0):
        return b"\x00".join(f.encode() for f in fields) + b"\x00" + bytes([webusb])
    write("fuzz_proc_holders", "trezord_holds_hidraw",
          proc("trezord\n", "/dev/hidraw0", "/usr/bin/trezord-go",
               "DRIVER=hid-generic\nHID_ID=0003:00001209:000053C1\nHID_NAME=SatoshiLabs TREZOR\n",
               "1\n", "2\n", "/dev/hidraw0"))
    write("fuzz_proc_holders", "webusb", proc("chrome", "/dev/bus/usb/001/002", "chrome", "HID_ID=zz", "001", "002",
                                              "1-1", webusb=1))
    write("fuzz_proc_holders", "escape_attempt", proc("x" * 40, "../../../../etc/passwd", "/proc/self/exe",
                                                      "HID_ID=0003:FFFFFFFF:FFFFFFFF", "999999", "-1", "../..",
                                                      webusb=1))

    # USB facts: vid, pid, interface+1, usage page, webusb, path, product, manufacturer, location, UTF-32
    def usb(vid, pid, iface, page, webusb, path, product, maker, location, wide):
        return (struct.pack(">HHBHB", vid, pid, iface, page, webusb) + path.encode() + b"\x00" + product.encode() +
                b"\x00" + maker.encode() + b"\x00" + location.encode() + b"\x00" +
                b"".join(struct.pack(">I", ord(c)) for c in wide))
    write("fuzz_usb_strings", "safe3_webusb", usb(0x1209, 0x53C1, 1, 0, 1, "webusb:001-1.4", "TREZOR", "SatoshiLabs",
                                                  "001-1.4", "TREZOR"))
    write("fuzz_usb_strings", "ledger_hid", usb(0x2C97, 0x5011, 1, 0xFFA0, 0, "hid:/dev/hidraw3", "Nano S Plus",
                                                "Ledger", "003-2", "Nano S Plus \u00e9\u4e2d"))
    write("fuzz_usb_strings", "bad_location", usb(0x534C, 0x0001, 0, 0xFF00, 0, "hid:x", "", "", "0-0.0.0.0.0.0.0.0",
                                                  "\U0010FFFF"))

    # Trezor session: selector (table, call), then the device's reports
    write("fuzz_trezor_session", "features", b"\x00" + reports(frame(17, FEATURES)))
    write("fuzz_trezor_session", "keepkey_features", b"\x01" + reports(frame(17, KEEPKEY_FEATURES)))
    write("fuzz_trezor_session", "button_then_success", b"\x04" + reports(
        frame(26, field(1, 8) + field(4, "confirm")), frame(2, field(1, "fuzz"))))
    write("fuzz_trezor_session", "failure", b"\x06" + reports(frame(3, field(1, 7) + field(2, "PIN invalid"))))
    write("fuzz_trezor_session", "firmware_hash", b"\x06" + reports(frame(89, field(1, bytes(32)))))
    write("fuzz_trezor_session", "unplug", b"\x00\xff")

    write("fuzz_features_facts", "trezor", FEATURES)
    write("fuzz_features_facts", "keepkey", KEEPKEY_FEATURES)
    write("fuzz_features_facts", "bootloader", field(1, "trezor.io") + field(2, 2) + field(5, True) + field(44, "T3T1"))

    # dry run: flags (answer count in the top 3 bits), answers, device reports
    button = frame(26, field(1, 1))
    matrix = frame(46, field(1, 1))
    ok = frame(2, field(1, "The seed is valid and matches the one in the device"))
    write("fuzz_dry_run", "device_entry_matches", b"\x00" + reports(button, button, ok))
    write("fuzz_dry_run", "matrix_words", b"\x61" + b"5\x00\x08\x00" + reports(frame(18, field(1, 1)), matrix, matrix,
                                                                              ok))
    write("fuzz_dry_run", "mismatch", b"\x00" + reports(button, frame(3, field(1, 99) + field(2, "Invalid seed"))))
    write("fuzz_dry_run", "passphrase", b"\x00" + reports(frame(41, b""), ok))

    # Ledger: replies to GET APP AND VERSION, then GET VERSION
    app = ledger_reply(b"\x01" + lv("BOLOS") + lv("2.2.3") + lv(b"\x00"))
    version = ledger_reply(struct.pack(">I", 0x33100004) + lv("2.2.3") + lv(struct.pack("<I", 0x84)) + lv("5.24"))
    write("fuzz_ledger_driver", "dashboard", app + version)
    write("fuzz_ledger_driver", "locked", ledger_reply(b"", 0x5515))
    write("fuzz_ledger_driver", "app_open", ledger_reply(b"\x01" + lv("Bitcoin") + lv("2.1.0") + lv(b"\x02")) +
          ledger_reply(b"", 0x6E00))

    write("fuzz_version_text", "three", b"2.8.1\x002.8.10\x0010.0")
    write("fuzz_version_text", "odd", b"v2.8\x00 1.12.1 \x004294967295.1")

    # certificates: the attestation fixtures' DER, and the shipped trust store text
    att = os.path.join(ROOT, "firmware_fixtures", "attestation")
    if os.path.isdir(att):
        for name in sorted(os.listdir(att)):
            if name.endswith(".der"):
                with open(os.path.join(att, name), "rb") as f:
                    write("fuzz_certificate", name, f.read())
    with open(os.path.join(ROOT, "data", "trust", "trezor.textproto"), "rb") as f:
        write("fuzz_certificate", "trust_store.textproto", f.read())
    write("fuzz_certificate", "truncated_sequence", b"\x30\x82\xff\xff\x30")

    # simulator: scenario byte, then records (channel byte: top 2 bits channel, low 6 length-1; 0 = 64)
    def sim(scenario, *records):
        return bytes([scenario]) + b"".join(bytes([ch]) + data for ch, data in records)
    get_features = frame(55, b"")
    write("fuzz_sim_network", "initialize_ping", sim(0, (0, frame(0, b"")), (0, frame(1, field(1, "hi") + field(2, True))),
                                                     (0, frame(27, b""))))
    write("fuzz_sim_network", "dry_run_and_debug", sim(1, (0, get_features), (0, frame(45, field(7, 2))),
                                                       (0x80, frame(100, field(1, True)))))
    write("fuzz_sim_network", "ledger_apdu", sim(5, (0xC4, b"\xb0\x01\x00\x00\x00"), (0xC4, b"\xe0\x01\x00\x00\x00")))

    # Speculos peer: 4-byte big-endian length, data, 2-byte status word
    write("fuzz_speculos_reply", "version", struct.pack(">I", 7) + b"\x01\x05BOLOS" + b"\x90\x00")
    write("fuzz_speculos_reply", "huge_length", struct.pack(">I", 0xFFFFFFFF) + b"\x00" * 8)
    write("fuzz_speculos_reply", "short", b"\x00\x00")

    # backup dialogue: selector (model, flags, line count), typed lines, device reports
    write("fuzz_backup_dialogue", "safe3_yes_12", b"\x48" + b"y\x0012\x00" + reports(button, button, ok))
    write("fuzz_backup_dialogue", "one_matrix", b"\x60" + b"y\x0012\x005\x00" + reports(frame(18, field(1, 1)), matrix, ok))
    write("fuzz_backup_dialogue", "typed_words", b"\x41" + b"abandon ability able\x00my pin is 1357\x00" +
          reports(button))


if __name__ == "__main__":
    main()
