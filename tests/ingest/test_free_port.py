"""ingest.testing.free_port: test servers get ports the kernel never hands out on its own."""

from __future__ import annotations

import socket

from ingest.testing import ephemeral_port_range, free_port, ports_outside


def test_ports_are_outside_the_kernels_ephemeral_range_and_never_repeat():
    low, high = ephemeral_port_range()
    ports = [free_port() for _ in range(40)]
    assert len(set(ports)) == len(ports)
    if ports_outside((low, high)):
        assert all(not low <= p <= high for p in ports), ports


def test_a_picked_port_can_be_bound():
    with socket.socket() as s:
        s.bind(("127.0.0.1", free_port()))


def test_ranges_outside_the_ephemeral_one():
    assert ports_outside((32768, 60999)) == [range(10000, 32768), range(61000, 65536)]
    assert ports_outside((1024, 65535)) == []
    assert ports_outside((10000, 40000)) == [range(40001, 65536)]


def test_the_range_file_unreadable_gives_linuxs_default(tmp_path):
    assert ephemeral_port_range(tmp_path / "missing") == (32768, 60999)
    (tmp_path / "range").write_text("20000\t30000\n")
    assert ephemeral_port_range(tmp_path / "range") == (20000, 30000)
