"""Airflow DAG: Cleave's GPG training job on a Spark cluster, once a day.

Each DAG run trains into its own run directory, named after Airflow's run id, and passes ``--resume auto``: a retry
of the task (after a lost driver, a preempted node, a failed executor stage) continues from the newest complete
checkpoint of that directory instead of starting over. The run directory must be on storage that every attempt's
driver sees (``CLEAVE_RUNS``, a shared mount).

Requirements: the ``apache-airflow-providers-apache-spark`` provider, an Airflow connection ``spark_cleave`` whose
host is the Spark master (``yarn``, ``k8s://https://...`` or ``spark://host:7077``), and Cleave installed on the
Airflow worker at ``CLEAVE_HOME`` with the layout of the Docker image (``cleave.jar``, ``lib/`` holding the jars
Spark does not ship, ``cluster-conf/``; see ``docker/Dockerfile``). ``check_dag.py`` in this folder lists the files,
options and config keys this DAG passes; a test checks them against the repository and the ``cleave train`` CLI.
"""

import os
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

CLEAVE_HOME = os.environ.get("CLEAVE_HOME", "/opt/cleave")
CLEAVE_RUNS = os.environ.get("CLEAVE_RUNS", "/shared/cleave/runs")


def cleave_file(relative_path):
    """A file of the Cleave installation under CLEAVE_HOME (cluster-conf/ is the repository's folder)."""
    return os.path.join(CLEAVE_HOME, relative_path)


def lib_jars():
    """Comma-separated jars of CLEAVE_HOME/lib (the application's libraries that Spark does not ship)."""
    lib = os.path.join(CLEAVE_HOME, "lib")
    if not os.path.isdir(lib):
        return None
    return ",".join(os.path.join(lib, name) for name in sorted(os.listdir(lib)) if name.endswith(".jar"))


default_args = {
    "owner": "cleave",
    # A retried attempt resumes from the newest complete checkpoint (--resume auto below).
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
}

with DAG(
    dag_id="cleave_training",
    description="GPG training of a tool-using agent with Cleave on Spark",
    schedule="@daily",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["cleave", "spark", "rl"],
) as dag:
    SparkSubmitOperator(
        task_id="train",
        conn_id="spark_cleave",
        application=cleave_file("cleave.jar"),
        java_class="io.cleave.cli.SparkTrainMain",
        jars=lib_jars(),
        properties_file=cleave_file("cluster-conf/spark-defaults.conf"),
        name="cleave-train-{{ ds_nodash }}",
        application_args=[
            "--config", cleave_file("cluster-conf/examples/arith-gpg.yaml"),
            # The same directory for every attempt of this DAG run, a new one for the next run.
            "--set",
            "run.dir=" + CLEAVE_RUNS + "/{{ dag.dag_id }}/{{ run_id | replace(':', '-') | replace('+', '_') }}",
            "--set", "run.iterations=200",
            "--resume", "auto",
        ],
        execution_timeout=timedelta(hours=12),
    )
