// The Python module `dnnexplorer` (pybind11): the public C++ API (include/dnnexplorer) with
// Python's conventions: keyword arguments, results as plain objects with to_dict()/to_json(),
// errors as dnnexplorer.Error (a ValueError) carrying the CLI's one-line message. Searches
// release the GIL and stop on KeyboardInterrupt (Ctrl-C) with their threads joined.
#include <dnnexplorer/dnnexplorer.h>
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace py = pybind11;
namespace dx = dnnexplorer;

namespace {

struct ApiError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <class T>
T unwrap(dx::Result<T> result) {
  if (!result) throw ApiError(result.error().message);
  return std::move(*result);
}

py::object json_loads(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

// A budget figure as the CLI takes it: None (the device's), a number, or text such as "90%".
std::string figure(const py::object& value) {
  if (value.is_none()) return "";
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::bool_>(value))
    throw ApiError("budget figure: expected a number or a percentage such as '90%', got a bool");
  if (py::isinstance<py::int_>(value)) return std::to_string(value.cast<long long>());
  if (py::isinstance<py::float_>(value)) return py::str(value).cast<std::string>();
  throw ApiError("budget figure: expected a number or a percentage such as '90%', got " +
                 py::str(value.get_type().attr("__name__")).cast<std::string>());
}

// The budget arguments every run takes besides device, DSP, BRAM18, bandwidth, clock and
// precision (keyword-only, as the CLI's --uram, --lut, --headroom, --dsp-double-rate).
struct MoreBudget {
  py::object uram, lut, headroom;
  bool dsp_double_rate = false;
};

dx::Budget budget_of(const std::string& device, const py::object& dsp, const py::object& bram18,
                     const py::object& bw_gbps, const py::object& clock_mhz, int precision,
                     const MoreBudget& more) {
  return {.device = device,
          .dsp = figure(dsp),
          .bram18 = figure(bram18),
          .bw_gbps = figure(bw_gbps),
          .clock_mhz = figure(clock_mhz),
          .precision = precision,
          .uram = figure(more.uram),
          .lut = figure(more.lut),
          .headroom = figure(more.headroom),
          .dsp_double_rate = more.dsp_double_rate};
}

// A model argument: a Network, or a zoo name / model file loaded with default options.
dx::Network network_of(const py::object& model) {
  if (py::isinstance<dx::Network>(model)) return model.cast<dx::Network>();
  if (py::isinstance<py::str>(model)) return unwrap(dx::load(model.cast<std::string>()));
  throw ApiError("model: expected a Network (dnnexplorer.load) or a zoo name / model file path");
}

// Runs a search without the GIL; Ctrl-C (SIGINT) in the main thread cancels it between steps
// and surfaces as KeyboardInterrupt once its workers have joined.
template <class Search>
dx::Report run_search(dx::SearchSettings settings, Search search) {
  bool interrupted = false;
  settings.cancelled = [&interrupted] {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) interrupted = true;
    return interrupted;
  };
  std::optional<dx::Result<dx::Report>> result;
  {
    py::gil_scoped_release release;
    result.emplace(search(settings));
  }
  if (interrupted) throw py::error_already_set();
  return unwrap(std::move(*result));
}

dx::SearchSettings settings_of(const std::string& paradigm, const std::string& objective,
                               double min_fps, double max_latency_ms, const std::string& search,
                               uint64_t seed, int threads, int swarm, int iterations, bool winograd,
                               bool pareto) {
  return {.paradigm = paradigm,
          .objective = objective,
          .min_fps = min_fps,
          .max_latency_ms = max_latency_ms,
          .method = search,
          .seed = seed,
          .threads = threads,
          .swarm = swarm,
          .iterations = iterations,
          .winograd = winograd,
          .pareto = pareto};
}

}  // namespace

PYBIND11_MODULE(dnnexplorer, m) {
  m.doc() =
      "DNNExplorer: analyse DNN workloads, model FPGA accelerators and explore designs.\n"
      "  net = dnnexplorer.load('resnet50')\n"
      "  r = dnnexplorer.explore(net, device='zcu102', precision=8)\n"
      "  r.to_dict()['metrics']['throughput_fps']";
  m.attr("__version__") = dx::version();
  py::register_exception<ApiError>(m, "Error", PyExc_ValueError);

  py::class_<dx::Network>(m, "Network", "A network from the zoo or a model file (dnnexplorer.load)")
      .def_property_readonly("name", &dx::Network::name)
      .def_property_readonly("layer_count", &dx::Network::layer_count)
      .def_property_readonly("stage_layers", &dx::Network::stage_layer_names,
                             "the layers a design places, in order")
      .def("__repr__", [](const dx::Network& n) {
        return "<dnnexplorer.Network " + n.name() + ": " + std::to_string(n.layer_count()) +
               " layers, " + std::to_string(n.stage_layer_count()) + " stage layers>";
      });

  py::class_<dx::Report>(m, "Report",
                         "A result: to_dict()/to_json() as the CLI's --json, table(), csv(), "
                         "html(), and the design file(s) it chose")
      .def_property_readonly("kind", &dx::Report::kind)
      .def_property_readonly("feasible", &dx::Report::feasible)
      .def("to_json", &dx::Report::json, py::arg("indent") = 2)
      .def("to_dict", [](const dx::Report& r) { return json_loads(r.json(-1)); })
      .def("table", &dx::Report::table)
      .def("csv", &dx::Report::csv)
      .def("html", &dx::Report::html)
      .def(
          "design",
          [](const dx::Report& r, const std::string& name) -> py::object {
            const std::string text = r.design_json(name);
            return text.empty() ? py::none() : json_loads(text);
          },
          py::arg("name") = "hybrid",
          "the chosen design as a dict (the design file's form), or None; for compare, name "
          "picks the row: hybrid, pipeline, dnnbuilder or generic")
      .def(
          "save_design",
          [](const dx::Report& r, const std::string& path, const std::string& name) {
            const std::string text = r.design_json(name);
            if (text.empty())
              throw ApiError("save_design: this report has no design '" + name + "'");
            py::module_::import("pathlib").attr("Path")(path).attr("write_text")(text);
          },
          py::arg("path"), py::arg("name") = "hybrid",
          "write the design file the CLI writes (bench reads it back with the same figures)")
      .def("__str__", &dx::Report::table)
      .def("__repr__", [](const dx::Report& r) {
        return "<dnnexplorer.Report " + r.kind() + (r.feasible() ? "" : " (infeasible)") + ">";
      });

  m.def(
      "load",
      [](const std::string& model, const std::optional<std::string>& input, bool allow_unknown,
         int64_t batch) {
        return unwrap(dx::load(
            model, {.input = input.value_or(""), .allow_unknown = allow_unknown, .batch = batch}));
      },
      py::arg("model"), py::arg("input") = py::none(), py::arg("allow_unknown") = false,
      py::arg("batch") = 1,
      "load a zoo network (name, case-insensitive) or a .onnx / .prototxt file; input='3x512x512' "
      "overrides its input size");

  m.def(
      "analyze",
      [](const py::object& model, int precision) {
        return unwrap(dx::analyze(network_of(model), precision));
      },
      py::arg("model"), py::arg("precision") = 16, "per-layer workload (the CLI's analyze)");

  m.def(
      "bench",
      [](const py::object& model, const std::string& device, const py::object& design,
         const py::object& dsp, const py::object& bram18, const py::object& bw_gbps,
         const py::object& clock_mhz, int precision, const py::object& uram, const py::object& lut,
         const py::object& headroom, bool dsp_double_rate) {
        const MoreBudget more{uram, lut, headroom, dsp_double_rate};
        std::string text;
        if (py::isinstance<py::str>(design) ||
            py::isinstance(design, py::module_::import("os").attr("PathLike")))
          text = py::str(design).cast<std::string>();
        else if (py::isinstance<py::dict>(design))
          text = py::module_::import("json").attr("dumps")(design).cast<std::string>();
        else if (py::isinstance<dx::Report>(design))
          text = design.cast<dx::Report>().design_json();
        else
          throw ApiError("design: expected a design file path, a design dict or a Report");
        return unwrap(dx::bench(network_of(model),
                                budget_of(device, dsp, bram18, bw_gbps, clock_mhz, precision, more),
                                text));
      },
      py::arg("model"), py::kw_only(), py::arg("device"), py::arg("design"),
      py::arg("dsp") = py::none(), py::arg("bram18") = py::none(), py::arg("bw_gbps") = py::none(),
      py::arg("clock_mhz") = py::none(), py::arg("precision") = 0, py::arg("uram") = py::none(),
      py::arg("lut") = py::none(), py::arg("headroom") = py::none(),
      py::arg("dsp_double_rate") = false,
      "evaluate a design (file path, dict, a Report's design, or a reference accelerator's name "
      "such as 'dpu_b4096x3') on a device (the CLI's bench)");

  m.def(
      "explore",
      [](const py::object& model, const std::string& device, const py::object& dsp,
         const py::object& bram18, const py::object& bw_gbps, const py::object& clock_mhz,
         int precision, const std::string& paradigm, const std::string& objective, double min_fps,
         double max_latency_ms, const std::string& search, uint64_t seed, int threads, int swarm,
         int iterations, bool winograd, bool pareto, const py::object& uram, const py::object& lut,
         const py::object& headroom, bool dsp_double_rate) {
        const dx::Network net = network_of(model);
        const dx::Budget budget = budget_of(device, dsp, bram18, bw_gbps, clock_mhz, precision,
                                            {uram, lut, headroom, dsp_double_rate});
        return run_search(settings_of(paradigm, objective, min_fps, max_latency_ms, search, seed,
                                      threads, swarm, iterations, winograd, pareto),
                          [&](const dx::SearchSettings& s) { return dx::explore(net, budget, s); });
      },
      py::arg("model"), py::kw_only(), py::arg("device"), py::arg("dsp") = py::none(),
      py::arg("bram18") = py::none(), py::arg("bw_gbps") = py::none(),
      py::arg("clock_mhz") = py::none(), py::arg("precision") = 16, py::arg("paradigm") = "hybrid",
      py::arg("objective") = "throughput", py::arg("min_fps") = 0.0,
      py::arg("max_latency_ms") = 0.0, py::arg("search") = "pso", py::arg("seed") = 1,
      py::arg("threads") = 0, py::arg("swarm") = 24, py::arg("iterations") = 40,
      py::arg("winograd") = true, py::arg("pareto") = false, py::arg("uram") = py::none(),
      py::arg("lut") = py::none(), py::arg("headroom") = py::none(),
      py::arg("dsp_double_rate") = false,
      "the best design of a paradigm on a budget (the CLI's explore); releases the GIL");

  m.def(
      "compare",
      [](const py::object& model, const std::string& device, const py::object& dsp,
         const py::object& bram18, const py::object& bw_gbps, const py::object& clock_mhz,
         int precision, const std::string& objective, double min_fps, double max_latency_ms,
         const std::string& search, uint64_t seed, int threads, int swarm, int iterations,
         bool winograd, const std::optional<std::vector<std::string>>& references,
         const py::object& uram, const py::object& lut, const py::object& headroom,
         bool dsp_double_rate) {
        const dx::Network net = network_of(model);
        const dx::Budget budget = budget_of(device, dsp, bram18, bw_gbps, clock_mhz, precision,
                                            {uram, lut, headroom, dsp_double_rate});
        dx::SearchSettings settings = settings_of("hybrid", objective, min_fps, max_latency_ms,
                                                  search, seed, threads, swarm, iterations,
                                                  winograd, false);
        settings.references = references.value_or(std::vector<std::string>{});
        return run_search(settings,
                          [&](const dx::SearchSettings& s) { return dx::compare(net, budget, s); });
      },
      py::arg("model"), py::kw_only(), py::arg("device"), py::arg("dsp") = py::none(),
      py::arg("bram18") = py::none(), py::arg("bw_gbps") = py::none(),
      py::arg("clock_mhz") = py::none(), py::arg("precision") = 16,
      py::arg("objective") = "throughput", py::arg("min_fps") = 0.0,
      py::arg("max_latency_ms") = 0.0, py::arg("search") = "pso", py::arg("seed") = 1,
      py::arg("threads") = 0, py::arg("swarm") = 24, py::arg("iterations") = 40,
      py::arg("winograd") = true, py::arg("references") = py::none(), py::arg("uram") = py::none(),
      py::arg("lut") = py::none(), py::arg("headroom") = py::none(),
      py::arg("dsp_double_rate") = false,
      "pipeline, DNNBuilder, generic and hybrid designs on one budget (the CLI's compare); "
      "references: reference accelerators to show beside them (the CLI's --with; None: the "
      "published builds that fit and the largest DPU that fits)");

  m.def(
      "validate",
      [](const py::object& data_dir) {
        // None, a str or a pathlib.Path.
        const std::string dir =
            data_dir.is_none()
                ? ""
                : py::module_::import("os").attr("fspath")(data_dir).cast<std::string>();
        return unwrap(dx::validate(dir));
      },
      py::arg("data_dir") = py::none(),
      "the reference model against the measured accelerators of data_dir (measured.csv and "
      "cases.csv; None: ./data/validation, else the source tree's): error per row, median and "
      "worst (the CLI's validate)");

  m.def(
      "devices", [] { return json_loads(dx::devices().json(-1)).attr("get")("devices"); },
      "the device catalog, as a list of dicts");
  m.def(
      "models", [] { return json_loads(dx::models().json(-1)).attr("get")("models"); },
      "the built-in model zoo, as a list of dicts");
}
