import os


def _attempt(name):
    # Counts tries in a folder the generator empties first, so the outcome depends only on the try.
    path = os.path.join(os.environ["FLAKY_STATE"], name)
    count = int(open(path).read()) + 1 if os.path.exists(path) else 1
    with open(path, "w") as handle:
        handle.write(str(count))
    return count


def test_passes_on_second_try():
    assert _attempt("second") >= 2, "agent did not start within 5s"


def test_passes_on_third_try():
    assert _attempt("third") >= 3, "agent did not start within 5s"


def test_always_fails():
    raise TimeoutError("agent did not start within 30s")


def test_steady():
    assert True
