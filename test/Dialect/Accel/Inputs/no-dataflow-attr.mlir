// Read by ../assign-dataflow-errors.mlir: a module without accel.dataflow.
module attributes {accel.dataflow_aliases = ["nothing"]} {}
