"""The Apertium runner's chained pipeline, with ordinary Unix programs standing in for the modes."""

from __future__ import annotations

import pytest

from lettore.apertium import ApertiumFailed, ApertiumPipeline


def test_a_pipeline_chains_its_programs_and_returns_the_last_ones_output():
    pipeline = ApertiumPipeline("sed", ["s/gatto/cat/", "s/cat/CAT/"], ["-e"])
    assert pipeline.run("il gatto\n\nun gatto\n", timeout=30) == "il CAT\n\nun CAT\n"


def test_a_program_that_fails_fails_the_run():
    pipeline = ApertiumPipeline("sh", ["cat", "exit 3"], ["-c"])
    with pytest.raises(ApertiumFailed):
        pipeline.run("testo\n", timeout=30)


def test_a_program_that_does_not_answer_in_time_is_stopped():
    pipeline = ApertiumPipeline("sh", ["exec sleep 30"], ["-c"])
    with pytest.raises(ApertiumFailed) as failed:
        pipeline.run("testo\n", timeout=0.2)
    assert failed.value.timed_out


def test_a_missing_program_says_it_could_not_start():
    with pytest.raises(ApertiumFailed, match="could not start"):
        ApertiumPipeline("apertium-not-installed-here", ["ita-cat"], ["-f", "txt"])


def test_a_pipeline_that_is_never_used_can_be_closed():
    pipeline = ApertiumPipeline("sed", ["s/a/b/", "s/b/c/"], ["-e"])
    pipeline.close()
    pipeline.close()
