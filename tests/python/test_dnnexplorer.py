"""The Python module against the CLI: same figures, same design files, same error lines,
a released GIL and Ctrl-C that stops a search without leaking threads."""
import json
import os
import signal
import subprocess
import threading
import time

import pytest

import dnnexplorer as dx

CLI = os.environ["DNNE_CLI_PATH"]
SOURCE = os.environ["DNNE_SOURCE_DIR"]


def cli_json(*args):
    out = subprocess.run([CLI, *args, "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def test_load_zoo_and_file():
    net = dx.load("VGG16")
    assert net.name == "vgg16"
    assert net.stage_layers[0] == "conv1_1" and len(net.stage_layers) == 21
    onnx = dx.load(os.path.join(SOURCE, "tests/fixtures/onnx/resnet18.onnx"))
    assert onnx.layer_count > 20
    big = dx.load("resnet50", input="3x512x512")
    assert "512" in json.dumps(dx.analyze(big).to_dict())


def test_analyze_matches_cli():
    assert dx.analyze("alexnet", precision=8).to_dict() == cli_json("analyze", "alexnet", "--precision", "8")


def test_explore_matches_cli_and_design_round_trips(tmp_path):
    r = dx.explore("alexnet", device="zc706", paradigm="pipeline")
    assert r.kind == "explore" and r.feasible
    d = r.to_dict()
    expected = cli_json("explore", "alexnet", "--device", "zc706", "--paradigm", "pipeline")
    for key in ("design", "metrics", "budget", "layers", "objective", "winograd"):
        assert d[key] == expected[key], key
    assert "cycles/frame" in r.table() and r.csv().startswith("layer,kind,part,cycles")
    path = tmp_path / "design.json"
    r.save_design(str(path))
    assert json.loads(path.read_text()) == r.design()
    b = dx.bench("alexnet", device="zc706", design=str(path))
    assert b.to_dict()["metrics"] == d["metrics"]
    assert dx.bench("alexnet", device="zc706", design=r.design()).to_dict()["metrics"] == d["metrics"]
    cli = cli_json("bench", "alexnet", "--device", "zc706", "--design", str(path))
    assert cli["metrics"] == d["metrics"]


def test_budget_figures_and_precision():
    r = dx.explore("alexnet", device="zc706", paradigm="generic", dsp="50%", bram18=500, precision=8)
    budget = r.to_dict()["budget"]
    assert budget["dsp"] == 450 and budget["bram18"] == 500 and budget["precision"] == 8
    assert r.to_dict()["metrics"]["dsp_used"] <= 450


def test_uram_lut_headroom_and_double_rate_budget_arguments():
    # The same keyword arguments as the CLI's --uram, --lut, --headroom, --dsp-double-rate.
    args = dict(device="zcu104", precision=8, paradigm="pipeline", swarm=4, iterations=2)
    r = dx.explore("alexnet", uram=0, lut="90%", headroom=10, **args)
    d = r.to_dict()
    expected = cli_json("explore", "alexnet", "--device", "zcu104", "--precision", "8",
                        "--paradigm", "pipeline", "--swarm", "4", "--iterations", "2",
                        "--uram", "0", "--lut", "90%", "--headroom", "10")
    assert d["budget"] == expected["budget"]
    assert d["budget"]["uram"] == 0 and d["metrics"]["uram_used"] == 0
    assert d["budget"]["headroom_pct"] == 10
    fast = dx.explore("alexnet", dsp_double_rate=True, **args).to_dict()
    assert fast["design"]["dsp_double_rate"] is True
    with pytest.raises(dx.Error, match="uram"):
        dx.explore("alexnet", uram="lots", **args)


def test_compare_rows_and_designs():
    r = dx.compare("alexnet", device="zc706", iterations=4, swarm=6)
    d = r.to_dict()
    assert set(d["results"]) == {"pipeline", "dnnbuilder", "generic", "hybrid"}
    assert r.design("generic")["split_point"] == 0
    assert "speed-up" in r.table()
    assert "<svg" in r.html() or "vega" in r.html().lower()


def test_compare_references_and_bench_by_reference_name():
    r = dx.compare("alexnet", device="zc706", iterations=4, swarm=6, references=["qiu16_zc706"])
    refs = r.to_dict()["references"]
    assert [ref["name"] for ref in refs] == ["qiu16_zc706"] and refs[0]["fits"]
    b = dx.bench("alexnet", device="zcu102", design="dpu_b4096x3")
    assert b.to_dict() == cli_json("bench", "alexnet", "--device", "zcu102", "--design", "dpu_b4096x3")
    assert b.design() is None
    with pytest.raises(dx.Error, match="did you mean 'qiu16_zc706'"):
        dx.compare("alexnet", device="zc706", references=["qiu_zc706"])


def test_errors_are_exceptions_with_the_cli_message():
    with pytest.raises(dx.Error) as e:
        dx.load("resnet51")
    cli = subprocess.run([CLI, "analyze", "resnet51"], capture_output=True, text=True)
    assert cli.returncode == 2
    assert cli.stderr.strip() == "dnnexplorer: error: " + str(e.value)
    assert isinstance(e.value, ValueError)
    with pytest.raises(dx.Error, match="--dsp 10000: zc706 has 900 DSP slices"):
        dx.explore("vgg16", device="zc706", dsp=10000)
    with pytest.raises(dx.Error, match="expected throughput, latency or dsp_efficiency"):
        dx.explore("vgg16", device="zc706", objective="speed")
    with pytest.raises(dx.Error):
        dx.bench("vgg16", device="zc706", design={"split_point": "x"})


def test_infeasible_is_a_result_not_an_error():
    r = dx.explore("vgg16", device="pynq_z1", min_fps=1e6, iterations=3, swarm=4)
    assert not r.feasible and r.design() is None
    assert "no feasible" in r.table()
    assert r.to_dict()["feasible"] is False


def test_validate_matches_cli():
    data = os.path.join(SOURCE, "data/validation")
    r = dx.validate(data)
    assert r.kind == "validate"
    d = r.to_dict()
    assert d == cli_json("validate", "--data", data)
    assert d["rows_listed"] == len(d["rows"]) == 54
    cli_csv = subprocess.run([CLI, "validate", "--csv", "--data", data], check=True,
                             capture_output=True, text=True).stdout
    assert r.csv() == cli_csv and r.csv().count("\n") == 55
    assert "median |error|" in r.table()
    # A pathlib.Path works as well, and None means the default data (the source tree's here).
    import pathlib
    assert dx.validate(pathlib.Path(data)).to_dict() == d
    assert dx.validate().to_dict() == d


def test_validate_missing_data_is_an_error():
    with pytest.raises(dx.Error, match="/nonexistent/dir/measured.csv"):
        dx.validate("/nonexistent/dir")


def test_devices_and_models():
    names = [d["name"] for d in dx.devices()]
    assert "ku115" in names and "zcu102" in names
    assert "resnet50" in [m["name"] for m in dx.models()]


def test_search_releases_the_gil():
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.01)

    t = threading.Thread(target=tick)
    t.start()
    dx.explore("resnet50", device="zcu102", iterations=6)
    done.set()
    t.join()
    assert len(ticks) > 5  # the other Python thread ran while the search did


def threads_of_this_process():
    return len(os.listdir("/proc/self/task"))


def test_keyboard_interrupt_cancels_a_search_and_joins_its_threads():
    before = threads_of_this_process()
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        # Far longer than the test allows if it were not cancelled.
        dx.explore("resnet50", device="u250", swarm=96, iterations=100, threads=2)
    # Cancelled between search steps: well before the search's natural end, even on a
    # loaded machine.
    assert time.monotonic() - start < 120
    timer.join()
    deadline = time.monotonic() + 10
    while threads_of_this_process() != before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threads_of_this_process() == before
    # The module still works afterwards.
    assert dx.explore("alexnet", device="zc706", paradigm="pipeline").feasible
