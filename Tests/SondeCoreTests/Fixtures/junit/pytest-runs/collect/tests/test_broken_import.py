import staging_client_that_is_not_installed  # noqa: F401


def test_never_runs():
    assert True
