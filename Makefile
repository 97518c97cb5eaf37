# wong: `make demo` runs the main job on the embedded default, `make test` runs every notebook.
# Both create .venv on first use and install the exact tested versions from constraints.txt.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test export clean-nbs readme bench baseline engines

# SPU (semi2k, Cheetah) needs numpy < 2 and jax 0.4.34: an environment of its own beside .venv (real parties are separate processes anyway);
# wong finds it there (or at $$WONG_SPU_PYTHON) and runs its module wong.spu_party in it
ENGINE := .venv-spu
$(ENGINE)/.installed: constraints-spu.txt
	test -x $(ENGINE)/bin/python || $(PYTHON) -m venv $(ENGINE)
	$(ENGINE)/bin/python -m pip install -q -c constraints-spu.txt spu
	touch $@

engines: $(ENGINE)/.installed

$(STAMP): settings.ini setup.py constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev,ray]"
	# pip check, less CrypTen's two declared requirements that it is installed without (see below)
	$(BIN)/python -m pip check | grep -v -E '^(No broken requirements found|crypten [0-9.]+ requires (sklearn|tensorboard), which is not installed)'; test $$? -eq 1
	# CrypTen's metadata asks for the deprecated `sklearn` package (and tensorboard, for a module wong never imports):
	# installed without its declared dependencies; its real ones are in settings.ini, all pinned in constraints.txt
	$(BIN)/python -m pip install -q -c constraints.txt --no-deps crypten
	touch $(STAMP)

install: $(STAMP) $(ENGINE)/.installed


demo: $(STAMP)
	$(BIN)/wong_induce

# every notebook's tests but the cells flagged slow (nbdev's `#| slow`); CI adds them: make test TEST_ARGS="--flags slow"
test: $(STAMP) $(ENGINE)/.installed
	$(BIN)/python tools/test_notebooks.py $(TEST_ARGS)

export: $(STAMP)
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(BIN)/python tools/readme.py

readme: $(STAMP)
	$(BIN)/python tools/readme.py

# the CIFAR-10 CPU protocol's baseline, trained anew and shipped to baselines/ (its SHA-256 printed for configs/cifar10_resnet18/baseline.yaml)
baseline: $(STAMP)
	test -n "$(DATA_ROOT)" || { echo "give DATA_ROOT=<folder holding CIFAR-10's train/ and test/ image folders>"; exit 2; }
	$(BIN)/wong_induce --cfg configs/cifar10_resnet18/train_baseline.yaml --steps baseline --opts DATA.ROOT $(DATA_ROOT)
	$(BIN)/python tools/ship_baseline.py --cfg configs/cifar10_resnet18/train_baseline.yaml --out baselines/cifar10_resnet18_w16_s0.pth --opts DATA.ROOT $(DATA_ROOT)

bench: $(STAMP)
	for f in flatten_speed cluster_speed induced_speed train_speed relaxed_speed mpc_cost ray_sweep; do $(BIN)/python benchmarks/$$f.py || exit 1; done
	# SPU's price per operation, in the engine environment (make engines)
	test ! -x $(ENGINE)/bin/python || $(ENGINE)/bin/python benchmarks/spu_probe.py
	# latency on an emulated LAN and WAN, the parties as separate processes (tc netem where the kernel has it, else a user-space proxy)
	test ! -x $(ENGINE)/bin/python || $(BIN)/python benchmarks/spu_latency.py
	# peak memory per step and the precision benchmark need CIFAR-10 on disk: DATA_ROOT=/path/to/cifar10-jpeg make bench
	test -z "$(DATA_ROOT)" || $(BIN)/python benchmarks/precision.py --root $(DATA_ROOT)
	test -z "$(DATA_ROOT)" || $(BIN)/python benchmarks/memory.py --cfg configs/cifar10_resnet18/baseline.yaml --opts DATA.ROOT $(DATA_ROOT)
	# the planner's speed needs a work directory the planner has run in (wong_plan WORKDIR), e.g. the CIFAR-10 protocol's
	test ! -f work/cifar10_resnet18/plan/measurements.json || $(BIN)/python benchmarks/plan_speed.py work/cifar10_resnet18
