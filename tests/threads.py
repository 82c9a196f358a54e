"""Run the same work in many threads released together, as fifty simultaneous requests would arrive."""

import threading

from django.db import connection


def all_at_once(work, count: int) -> list:
    """Run ``work()`` in ``count`` threads behind one barrier and collect what each returns.

    An exception becomes an ``"error: …"`` outcome instead of vanishing with its thread, and each
    thread closes its own database connection.
    """
    barrier, outcomes, lock = threading.Barrier(count), [], threading.Lock()

    def run():
        try:
            barrier.wait(timeout=30)
            outcome = work()
        except Exception as error:
            outcome = f"error: {error!r}"
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run) for _n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
