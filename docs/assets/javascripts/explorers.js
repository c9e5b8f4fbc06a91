// Explorers: figures a reader can step through with a slider. Every point drawn is a number a
// snippet printed (the JSON in each figure.snippet-explorer's data-explorer, written by the build
// from the frozen output); this script only draws them and computes nothing. uPlot is served with the site
// (assets/uplot/, installed from npm) and loaded only when an explorer comes near the screen. Without JavaScript
// the figure's still image stays.
(function () {
  const uplotBase = new URL("../uplot/", document.currentScript.src);
  // Readable on the light and on the dark background.
  const COLORS = ["#3b8fd9", "#f28e2b", "#4caf50", "#e15759", "#a97bc2", "#d4a20b"];
  const DASHES = [[], [6, 4]];
  let uplotReady = null;

  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const element = Object.assign(document.createElement(tag), attributes);
      element.onload = resolve;
      element.onerror = () => reject(new Error(`uPlot: cannot load ${attributes.src || attributes.href}`));
      document.head.appendChild(element);
    });
  }

  function loadUplot() {
    uplotReady ??= Promise.all([
      load("link", { rel: "stylesheet", href: new URL("uPlot.min.css", uplotBase).href }),
      load("script", { src: new URL("uPlot.iife.min.js", uplotBase).href }),
    ]);
    return uplotReady;
  }

  function themeColor(name) {
    return getComputedStyle(document.body).getPropertyValue(name).trim() || "#444";
  }

  // Series that share a name before " (" share a colour, and the second of them is dashed:
  // "Sigmoid (기본 초기화)" and "Sigmoid (Xavier)".
  function styles(names) {
    const families = [];
    return names.map((name) => {
      const family = name.split(" (")[0];
      let index = families.findIndex((f) => f.name === family);
      if (index < 0) index = families.push({ name: family, count: 0 }) - 1;
      const dash = DASHES[Math.min(families[index].count++, DASHES.length - 1)];
      return { stroke: COLORS[index % COLORS.length], dash };
    });
  }

  function options(data, width) {
    const fg = themeColor("--md-default-fg-color--light");
    const grid = themeColor("--md-default-fg-color--lightest");
    const axis = (label) => ({ label, stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } });
    const log = data.scale === "log";
    // On a log axis, label the powers of ten as 1e-8 (at most about eight of them), like the still figures.
    const powers = (u, splits) => {
      const exponents = splits.map((v) => Math.log10(v)).filter((e) => Math.abs(e - Math.round(e)) < 1e-9);
      const every = Math.max(1, Math.ceil(exponents.length / 8));
      return splits.map((v) => {
        const e = Math.log10(v);
        return Math.abs(e - Math.round(e)) < 1e-9 && Math.round(e) % every === 0 ? `1e${Math.round(e)}` : "";
      });
    };
    return {
      width,
      height: Math.round(Math.min(360, Math.max(240, width * 0.55))),
      scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
      axes: [axis(data.x), { ...axis(data.y), size: 60, ...(log ? { values: powers } : {}) }],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: data.x },
        ...data.series.map((label, i) => ({ label, width: 2, points: { show: true, size: 5 }, ...styles(data.series)[i] })),
      ],
    };
  }

  function mount(figure, data) {
    const controls = document.createElement("div");
    controls.className = "snippet-explorer__controls";
    const inputId = `${figure.id}-step`;
    const label = Object.assign(document.createElement("label"), { htmlFor: inputId, textContent: data.slider });
    const input = Object.assign(document.createElement("input"), {
      type: "range", id: inputId, min: 0, max: data.steps.length - 1, step: 1, value: data.default,
    });
    const shown = Object.assign(document.createElement("output"), { htmlFor: inputId });
    shown.setAttribute("aria-live", "polite");
    controls.append(label, input, shown);
    const chart = document.createElement("div");
    chart.className = "snippet-explorer__chart";
    chart.setAttribute("role", "img");
    figure.prepend(controls, chart);

    const state = { data, index: data.default, plot: null };
    figure.explorer = state;  // the browser tests read what was drawn from here

    function draw() {
      const step = data.steps[state.index];
      input.value = state.index;
      input.setAttribute("aria-valuetext", step.label);
      shown.textContent = step.label;
      chart.setAttribute("aria-label", `${figure.querySelector("figcaption")?.textContent.trim() ?? ""} (${step.label})`);
      const columns = [step.x, ...step.y];
      if (state.plot && state.plot.data[0].length === step.x.length) state.plot.setData(columns);
      else {
        state.plot?.destroy();
        const opts = options(data, chart.clientWidth || 600);
        state.stroke = opts.axes[0].stroke;  // the axis colour drawn now (the tests check it follows the palette)
        state.plot = new uPlot(opts, columns, chart);
      }
    }
    state.redraw = () => {
      state.plot?.destroy();
      state.plot = null;
      draw();
    };
    input.addEventListener("input", () => {
      state.index = Number(input.value);
      draw();
    });
    draw();
    figure.classList.add("snippet-explorer--live");
  }

  function explorers() {
    return [...document.querySelectorAll("figure.snippet-explorer")].filter((figure) => figure.explorer);
  }

  // Axis colours follow the palette; the chart width follows the column.
  new MutationObserver(() => explorers().forEach((figure) => figure.explorer.redraw())).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });
  window.addEventListener("resize", () => explorers().forEach((figure) => figure.explorer.redraw()));

  // uPlot is fetched, and a chart drawn, only when its figure comes near the screen: a phone that never
  // scrolls that far does none of the work. Until then the still figure shows.
  function start(body) {
    const figures = [...body.querySelectorAll("figure.snippet-explorer")];
    if (!figures.length) return;
    const near = new IntersectionObserver((entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting) continue;
        near.unobserve(target);
        loadUplot().then(() => {
          if (!target.explorer && target.isConnected) mount(target, JSON.parse(target.dataset.explorer));
        });
      }
    }, { rootMargin: "400px 0px" });
    for (const figure of figures) near.observe(figure);
  }

  // Material's document$ emits on the first load and after every instant navigation.
  if (typeof document$ !== "undefined") document$.subscribe(({ body }) => start(body));
  else document.addEventListener("DOMContentLoaded", () => start(document.body));
})();
