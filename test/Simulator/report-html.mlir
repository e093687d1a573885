// The simulator's HTML report, opened in headless chromium: what each cycle
// column models, stalls by cause, utilization, the roofline, the table
// (sortable) and its totals; a screenshot is not blank.
// REQUIRES: chromium
// RUN: rm -rf %t && mkdir -p %t
// RUN: accel-opt %S/report.mlir --accel-simulate=report=%t/page.html -o /dev/null
// RUN: not grep -E '(src|href)=|@import|url\(' %t/page.html
// RUN: %chromium --user-data-dir=%t/profile-dom --dump-dom file://%t/page.html > %t/dom.html
// RUN: FileCheck %s < %t/dom.html
// RUN: %chromium --user-data-dir=%t/profile-shot --screenshot=%t/page.png --window-size=800,1000 file://%t/page.html
// RUN: %python %accel_src/test/Analysis/CostModel/Inputs/check_screenshot.py %t/page.png 16 0.02

// CHECK: Simulated Cycles</span><b>138</b>
// CHECK: <dt>Simulated Cycles</dt><dd>our MAERI executor's cycle model {{.*}}calibrated against STONNE</dd>
// CHECK-NEXT: <dt>Cost Model Cycles</dt><dd>the MAERI analytical model
// CHECK-NEXT: <dt>MAESTRO Cycles</dt><dd>MAESTRO's data-centric model of a generic PE array {{.*}}a different machine
// CHECK: <th title="">Layer Number</th><th title="cycles">Simulated Cycles</th>
// CHECK: <tr><td data-v="small">small</td><td data-v="69" class="number">69</td>
// CHECK-NEXT: <tr><td data-v="small_i8">small_i8</td>
// CHECK: <tfoot><tr><td>Total</td><td class="number">138</td>
// CHECK: <figcaption>Simulated cycles per layer, by cause</figcaption>
// CHECK: waiting for distribution
// CHECK: <figcaption>Multiplier-switch utilization per layer</figcaption>
// CHECK: compute: multiplier switches
// CHECK: <circle class="point"
// CHECK: No layer has a dataflow.
