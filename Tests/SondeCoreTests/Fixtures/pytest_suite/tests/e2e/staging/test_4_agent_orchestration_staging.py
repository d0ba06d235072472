import pytest


@pytest.mark.parametrize("agents", [1, 2, 4, 8, 16, 32])
def test_task_distribution(agents):
    assert sum([1] * agents) == agents


@pytest.mark.skip(reason="orchestrator v2 is not deployed on staging")
def test_orchestrator_v2():
    pass


@pytest.mark.xfail(reason="known rounding issue", strict=False)
def test_share_rounding():
    assert round(2.675, 2) == 2.68
