"""The archive pipeline's batch writer: items wait for a batch, but never for nothing."""

import asyncio
import threading

import pytest

from crawler.pipelines import BatchWriter


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, timeout=30))


def recording_writer(**options):
    batches = []
    thread_names = []

    def write(items):
        batches.append(list(items))
        thread_names.append(threading.current_thread().name)
        return [f"stored {item}" for item in items]

    return BatchWriter(write, name="test-writer", **options), batches, thread_names


def test_items_wait_for_a_full_batch_then_are_written_together_off_the_loop():
    writer, batches, thread_names = recording_writer(size=3, delay=3600)

    async def scenario():
        results = await asyncio.gather(*(writer.write_item(n) for n in range(3)))
        writer.close()
        return results

    assert run(scenario()) == ["stored 0", "stored 1", "stored 2"]
    assert batches == [[0, 1, 2]]
    assert all(name.startswith("test-writer") for name in thread_names)


@pytest.mark.parametrize(
    "options",
    [
        # Alone, it waits out the delay.
        {"delay": 0.05},
        # Nothing else can come: written on arrival, however long the delay.
        {"delay": 3600, "nothing_else_coming": lambda waiting: True},
    ],
)
def test_a_lone_item_is_written_after_its_delay_or_at_once_when_nothing_else_can_come(options):
    writer, batches, _ = recording_writer(size=100, **options)

    async def scenario():
        return await writer.write_item("only")

    assert run(scenario()) == "stored only"
    writer.close()
    assert batches == [["only"]]


def test_items_wait_while_more_can_come_and_are_written_once_nothing_else_can():
    more_coming = {"value": True}
    asked = []

    def nothing_else_coming(waiting):
        asked.append(waiting)
        return not more_coming["value"]

    writer, batches, _ = recording_writer(size=100, delay=3600, nothing_else_coming=nothing_else_coming)

    async def scenario():
        first = asyncio.ensure_future(writer.write_item("a"))
        await asyncio.sleep(5 * BatchWriter.IDLE_CHECK)
        # Still waiting: more items could come.
        assert not first.done() and batches == []
        second = asyncio.ensure_future(writer.write_item("b"))
        await asyncio.sleep(2 * BatchWriter.IDLE_CHECK)
        assert batches == []
        more_coming["value"] = False
        return await asyncio.gather(first, second)

    assert run(scenario()) == ["stored a", "stored b"]
    writer.close()
    assert batches == [["a", "b"]]
    assert 2 in asked


def test_a_failed_batch_fails_each_of_its_items():
    def write(items):
        raise RuntimeError("disk full")

    writer = BatchWriter(write, size=2, delay=3600, name="test-writer")

    async def scenario():
        return await asyncio.gather(writer.write_item(1), writer.write_item(2), return_exceptions=True)

    results = run(scenario())
    writer.close()
    assert [str(result) for result in results] == ["disk full", "disk full"]
