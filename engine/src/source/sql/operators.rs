//! `CREATE OPERATOR`, `ALTER OPERATOR … SET (…)`, `CREATE OPERATOR FAMILY`, `ALTER OPERATOR
//! FAMILY … ADD | DROP` and `CREATE OPERATOR CLASS`, applied in file order with the server's
//! links: an operator created with a commutator or negator that exists becomes that one's
//! commutator or negator too, and a dropped one takes back the links it made; a class without
//! `FAMILY` is in the family of its name, created with it when missing. `DROP`, `RENAME TO`
//! and `SET SCHEMA` are here too (called from `drops.rs` and `statistics.rs`), `COMMENT ON` in
//! `comments.rs`, `OWNER TO` in `privileges.rs`.

use pg_query::protobuf::{
    AlterOpFamilyStmt, AlterOperatorStmt, CreateOpClassItem, CreateOpClassStmt, CreateOpFamilyStmt,
    DefineStmt, ObjectWithArgs,
};
use pg_query::{Node, NodeEnum};

use super::functions::arguments_of;
use super::references::Target;
use super::{qualified_name, Builder};
use crate::model::{
    operator_signature, AclObject, FunctionMember, Operator, OperatorClass, OperatorFamily,
    OperatorMember, QualifiedName,
};
use crate::normalize::definitions::{names_of, string_of};
use crate::normalize::types::type_name_text;

/// `CreateOpClassItem.itemtype`: `OPERATOR`, `FUNCTION`, `STORAGE`.
const ITEM_OPERATOR: i32 = 1;
const ITEM_FUNCTION: i32 = 2;
const ITEM_STORAGE: i32 = 3;

impl Builder<'_> {
    pub(super) fn create_operator(&mut self, stmt: &DefineStmt) {
        let name = qualified_name(&stmt.defnames);
        self.check_schema(&name.schema, 0);
        let mut operator = Operator {
            name,
            left: None,
            right: String::new(),
            function: QualifiedName::new("public", ""),
            commutator: None,
            negator: None,
            restrict: None,
            join: None,
            hashes: false,
            merges: false,
            comment: None,
        };
        let mut function = Vec::new();
        for option in &stmt.definition {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let arg = option.arg.as_deref();
            let names = arg.map(names_of).unwrap_or_default();
            match option.defname.to_lowercase().as_str() {
                "leftarg" => operator.left = arg.and_then(type_text),
                "rightarg" => operator.right = arg.and_then(type_text).unwrap_or_default(),
                "function" | "procedure" => function = names,
                // an unqualified commutator or negator (`===`, not `OPERATOR(app.===)`) is
                // in the schema the server creates in, `public`, whatever this one's
                "commutator" => operator.commutator = Some(qualified_name(&names)),
                "negator" => operator.negator = Some(qualified_name(&names)),
                "restrict" => operator.restrict = self.estimator(arg),
                "join" => operator.join = self.estimator(arg),
                "hashes" => operator.hashes = true,
                "merges" | "sort1" | "sort2" | "ltcmp" | "gtcmp" => operator.merges = true,
                _ => {}
            }
        }
        operator.function = self.resolve_function(&function);
        let signature = operator.signature();
        let what = format!("operator `{signature}`");
        if self.catalog.operators.contains_key(&signature) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.created_at(what.clone(), 0);
        for type_name in operator.left.iter().chain([&operator.right]) {
            self.require(Target::Type(type_name.clone()), 0, || {
                format!("{what} takes")
            });
        }
        self.require(Target::Function(operator.function.clone()), 0, || {
            format!("{what} calls")
        });
        self.link(&operator);
        self.catalog.operators.insert(signature.clone(), operator);
        let owner = self.current_role.clone();
        (self.catalog).set_owner(AclObject::Operator(signature), owner);
    }

    /// An estimator (`RESTRICT`, `JOIN`): the files' function of that name in `public`, or
    /// else a built-in one; `NONE` is none.
    fn estimator(&self, arg: Option<&Node>) -> Option<QualifiedName> {
        let names = names_of(arg?);
        let function = self.resolve_function(&names);
        (!function.name.eq_ignore_ascii_case("none")).then_some(function)
    }

    /// A function named without arguments: the files' in `public` where unqualified and
    /// defined there, `pg_catalog`'s otherwise.
    fn resolve_function(&self, names: &[Node]) -> QualifiedName {
        let parts: Vec<String> = names.iter().filter_map(string_of).collect();
        match parts.as_slice() {
            [.., schema, name] => QualifiedName::new(schema, name),
            [name] => {
                let public = QualifiedName::new("public", name);
                if self.catalog.functions.values().any(|f| f.name == public) {
                    public
                } else {
                    QualifiedName::new("pg_catalog", name)
                }
            }
            [] => QualifiedName::new("public", ""),
        }
    }

    /// The links the server makes when `operator` is created: an existing commutator (with
    /// the operand types swapped) and negator (the same types) point back to it.
    fn link(&mut self, operator: &Operator) {
        let signature = operator.signature();
        if let (Some(commutator), Some(left)) = (&operator.commutator, &operator.left) {
            let other = operator_signature(commutator, Some(&operator.right), left);
            if other != signature {
                if let Some(other) = self.catalog.operators.get_mut(&other) {
                    other.commutator = Some(operator.name.clone());
                }
            }
        }
        if let Some(negator) = &operator.negator {
            let other = operator_signature(negator, operator.left.as_deref(), &operator.right);
            if other != signature {
                if let Some(other) = self.catalog.operators.get_mut(&other) {
                    other.negator = Some(operator.name.clone());
                }
            }
        }
    }

    /// `DROP OPERATOR`: the commutator and negator it links to lose their links back.
    pub(super) fn drop_operator(&mut self, object: &Node) -> bool {
        let Some(NodeEnum::ObjectWithArgs(object)) = &object.node else {
            return false;
        };
        let signature = operator_of(object);
        let Some(operator) = self.catalog.operators.shift_remove(&signature) else {
            return false;
        };
        if let (Some(commutator), Some(left)) = (&operator.commutator, &operator.left) {
            let other = operator_signature(commutator, Some(&operator.right), left);
            if let Some(other) = self.catalog.operators.get_mut(&other) {
                if other.commutator.as_ref() == Some(&operator.name) {
                    other.commutator = None;
                }
            }
        }
        if let Some(negator) = &operator.negator {
            let other = operator_signature(negator, operator.left.as_deref(), &operator.right);
            if let Some(other) = self.catalog.operators.get_mut(&other) {
                if other.negator.as_ref() == Some(&operator.name) {
                    other.negator = None;
                }
            }
        }
        true
    }

    /// `ALTER OPERATOR … SET (…)`: estimators set or removed (`NONE`); a commutator,
    /// negator, `HASHES` or `MERGES` set (PostgreSQL 17).
    pub(super) fn alter_operator(&mut self, stmt: &AlterOperatorStmt) {
        let Some(object) = &stmt.opername else {
            return;
        };
        let signature = operator_of(object);
        let Some(mut operator) = self.catalog.operators.get(&signature).cloned() else {
            return self.missing(&AclObject::Operator(signature), "ALTER");
        };
        for option in &stmt.options {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let arg = option.arg.as_deref();
            let names = arg.map(names_of).unwrap_or_default();
            match option.defname.to_lowercase().as_str() {
                "restrict" => operator.restrict = self.estimator(arg),
                "join" => operator.join = self.estimator(arg),
                "commutator" => operator.commutator = Some(qualified_name(&names)),
                "negator" => operator.negator = Some(qualified_name(&names)),
                "hashes" => operator.hashes = true,
                "merges" => operator.merges = true,
                _ => {}
            }
        }
        self.link(&operator);
        self.catalog.operators.insert(signature, operator);
    }

    pub(super) fn create_operator_family(&mut self, stmt: &CreateOpFamilyStmt) {
        let name = qualified_name(&stmt.opfamilyname);
        self.check_schema(&name.schema, 0);
        let family = OperatorFamily {
            name,
            method: stmt.amname.clone(),
            operators: Vec::new(),
            functions: Vec::new(),
            comment: None,
        };
        let what = format!("operator family `{}` using {}", family.name, family.method);
        if self.catalog.operator_families.contains_key(&family.key()) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.created_at(what, 0);
        self.add_family(family);
    }

    fn add_family(&mut self, family: OperatorFamily) {
        let object = AclObject::OperatorFamily(family.name.clone(), family.method.clone());
        self.catalog.operator_families.insert(family.key(), family);
        let owner = self.current_role.clone();
        self.catalog.set_owner(object, owner);
    }

    /// `ALTER OPERATOR FAMILY … ADD | DROP`: members by strategy or support number and
    /// operand types.
    pub(super) fn alter_operator_family(&mut self, stmt: &AlterOpFamilyStmt) {
        let key = (qualified_name(&stmt.opfamilyname), stmt.amname.clone());
        if !self.catalog.operator_families.contains_key(&key) {
            return self.missing(&AclObject::OperatorFamily(key.0, key.1), "ALTER");
        }
        let mut operators = Vec::new();
        let mut functions = Vec::new();
        let mut dropped = Vec::new();
        for item in &stmt.items {
            let Some(NodeEnum::CreateOpClassItem(item)) = &item.node else {
                continue;
            };
            let types = item_types(item);
            if stmt.is_drop {
                dropped.push((item.itemtype, item.number, types));
                continue;
            }
            match item.itemtype {
                ITEM_OPERATOR => operators.push(self.operator_member(item, types)),
                ITEM_FUNCTION => {
                    let mut member = self.function_member(item, types);
                    if member.types.is_none() {
                        member.types = function_types(item);
                    }
                    functions.push(member);
                }
                _ => {}
            }
        }
        let Some(family) = self.catalog.operator_families.get_mut(&key) else {
            return;
        };
        for (kind, number, types) in dropped {
            let types = types.unwrap_or_default();
            if kind == ITEM_OPERATOR {
                family
                    .operators
                    .retain(|m| (m.strategy, &m.left, &m.right) != (number, &types.0, &types.1));
            } else {
                family
                    .functions
                    .retain(|m| (m.support, m.types.as_ref()) != (number, Some(&types)));
            }
        }
        family.operators.extend(operators);
        family.functions.extend(functions);
    }

    pub(super) fn create_operator_class(&mut self, stmt: &CreateOpClassStmt) {
        let name = qualified_name(&stmt.opclassname);
        self.check_schema(&name.schema, 0);
        let data_type = stmt
            .datatype
            .as_ref()
            .map(type_name_text)
            .unwrap_or_default();
        let family = if stmt.opfamilyname.is_empty() {
            name.clone()
        } else {
            qualified_name(&stmt.opfamilyname)
        };
        let mut class = OperatorClass {
            name,
            method: stmt.amname.clone(),
            data_type: data_type.clone(),
            default: stmt.is_default,
            family,
            storage: None,
            operators: Vec::new(),
            functions: Vec::new(),
            comment: None,
        };
        for item in &stmt.items {
            let Some(NodeEnum::CreateOpClassItem(item)) = &item.node else {
                continue;
            };
            let types = item_types(item);
            match item.itemtype {
                ITEM_OPERATOR => {
                    let types = types.or_else(|| Some((data_type.clone(), data_type.clone())));
                    class.operators.push(self.operator_member(item, types));
                }
                // the server records a class's function for its type, whatever is written
                ITEM_FUNCTION => class.functions.push(self.function_member(item, None)),
                ITEM_STORAGE => {
                    // the server keeps no storage type where it is the indexed one
                    let storage = item.storedtype.as_ref().map(type_name_text);
                    class.storage = storage.filter(|s| *s != data_type);
                }
                _ => {}
            }
        }
        let what = format!("operator class `{}` using {}", class.name, class.method);
        if self.catalog.operator_classes.contains_key(&class.key()) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.created_at(what.clone(), 0);
        self.require(Target::Type(class.data_type.clone()), 0, || {
            format!("{what} indexes")
        });
        let family_key = (class.family.clone(), class.method.clone());
        if !self.catalog.operator_families.contains_key(&family_key) {
            if stmt.opfamilyname.is_empty() {
                // the server creates the family of the class's name
                self.add_family(OperatorFamily {
                    name: class.family.clone(),
                    method: class.method.clone(),
                    operators: Vec::new(),
                    functions: Vec::new(),
                    comment: None,
                });
            } else {
                let family = AclObject::OperatorFamily(family_key.0, family_key.1);
                self.missing(&family, "CREATE OPERATOR CLASS … FAMILY");
            }
        }
        let object = AclObject::OperatorClass(class.name.clone(), class.method.clone());
        self.catalog.operator_classes.insert(class.key(), class);
        let owner = self.current_role.clone();
        self.catalog.set_owner(object, owner);
    }

    /// `OPERATOR n op[(left, right)] [FOR ORDER BY family]`; `types` are those written or,
    /// in a class, its type twice.
    fn operator_member(
        &self,
        item: &CreateOpClassItem,
        types: Option<(String, String)>,
    ) -> OperatorMember {
        let (left, right) = types.unwrap_or_default();
        let names = item
            .name
            .as_ref()
            .map(|n| n.objname.clone())
            .unwrap_or_default();
        let parts: Vec<String> = names.iter().filter_map(string_of).collect();
        let operator = match parts.as_slice() {
            [.., schema, name] => QualifiedName::new(schema, name),
            [name] => {
                // the files' operator in public, or else a built-in one
                let public = QualifiedName::new("public", name);
                let signature = operator_signature(&public, Some(&left), &right);
                if self.catalog.operators.contains_key(&signature) {
                    public
                } else {
                    QualifiedName::new("pg_catalog", name)
                }
            }
            [] => QualifiedName::new("public", ""),
        };
        let order_by = (!item.order_family.is_empty()).then(|| qualified_name(&item.order_family));
        OperatorMember {
            strategy: item.number,
            operator,
            left,
            right,
            order_by,
        }
    }

    /// `FUNCTION n [(left, right)] function(arguments)`: a function named without its
    /// arguments is the files' only function of that name.
    fn function_member(
        &self,
        item: &CreateOpClassItem,
        types: Option<(String, String)>,
    ) -> FunctionMember {
        let default = ObjectWithArgs::default();
        let object = item.name.as_ref().unwrap_or(&default);
        let name = self.resolve_function(&object.objname);
        let arguments = if object.args_unspecified {
            (self.catalog.functions.values())
                .find(|f| f.name == name)
                .map(|f| f.arguments.clone())
                .unwrap_or_default()
        } else {
            arguments_of(object)
        };
        FunctionMember {
            support: item.number,
            types,
            function: format!("{name}({arguments})"),
        }
    }

    /// `ALTER OPERATOR CLASS | FAMILY … RENAME TO` or `SET SCHEMA`, and `ALTER OPERATOR …
    /// SET SCHEMA`: what names it follows, and so does its owner.
    pub(super) fn move_operator_object(&mut self, old: &AclObject, schema: &str, name: &str) {
        self.check_schema(schema, 0);
        let catalog = &mut self.catalog;
        let new = match old {
            AclObject::Operator(signature) => {
                let Some(mut operator) = catalog.operators.shift_remove(signature) else {
                    return self.missing(old, "ALTER");
                };
                let from = operator.name.clone();
                operator.name = QualifiedName::new(schema, name);
                let signature = operator.signature();
                for other in catalog.operators.values_mut() {
                    for link in [&mut other.commutator, &mut other.negator] {
                        if link.as_ref() == Some(&from) {
                            *link = Some(operator.name.clone());
                        }
                    }
                }
                let members = (catalog.operator_families.values_mut())
                    .flat_map(|f| f.operators.iter_mut())
                    .chain(
                        (catalog.operator_classes.values_mut())
                            .flat_map(|c| c.operators.iter_mut()),
                    );
                for member in members {
                    let types = (Some(member.left.as_str()), member.right.as_str());
                    if member.operator == from
                        && (operator.left.as_deref(), operator.right.as_str()) == types
                    {
                        member.operator = operator.name.clone();
                    }
                }
                catalog.operators.insert(signature.clone(), operator);
                AclObject::Operator(signature)
            }
            AclObject::OperatorFamily(from, method) => {
                let key = (from.clone(), method.clone());
                let Some(mut family) = catalog.operator_families.shift_remove(&key) else {
                    return self.missing(old, "ALTER");
                };
                family.name = QualifiedName::new(schema, name);
                for class in catalog.operator_classes.values_mut() {
                    if class.family == *from && class.method == *method {
                        class.family = family.name.clone();
                    }
                }
                let new = AclObject::OperatorFamily(family.name.clone(), method.clone());
                catalog.operator_families.insert(family.key(), family);
                new
            }
            AclObject::OperatorClass(from, method) => {
                let key = (from.clone(), method.clone());
                let Some(mut class) = catalog.operator_classes.shift_remove(&key) else {
                    return self.missing(old, "ALTER");
                };
                class.name = QualifiedName::new(schema, name);
                let new = AclObject::OperatorClass(class.name.clone(), method.clone());
                catalog.operator_classes.insert(class.key(), class);
                new
            }
            _ => return,
        };
        self.catalog
            .rename_acls(|object| (object == old).then(|| new.clone()));
    }
}

/// The operator an `ObjectWithArgs` names (`DROP`, `COMMENT`, `ALTER`): its signature, a
/// missing left operand (`NONE`) as `None`.
pub(super) fn operator_of(object: &ObjectWithArgs) -> String {
    let name = qualified_name(&object.objname);
    let types: Vec<Option<String>> = (object.objargs.iter())
        .map(|arg| match &arg.node {
            Some(NodeEnum::TypeName(t)) => Some(type_name_text(t)),
            _ => None,
        })
        .collect();
    match types.as_slice() {
        [left, Some(right)] => operator_signature(&name, left.as_deref(), right),
        [Some(right)] => operator_signature(&name, None, right),
        _ => operator_signature(&name, None, ""),
    }
}

/// The family or class a `DROP`, `COMMENT`, `OWNER TO` or `RENAME` names: a list of the
/// access method and the name's parts.
pub(super) fn family_or_class_of(object: &Node) -> Option<(QualifiedName, String)> {
    let Some(NodeEnum::List(list)) = &object.node else {
        return None;
    };
    let (method, name) = list.items.split_first()?;
    Some((qualified_name(name), string_of(method)?))
}

fn type_text(arg: &Node) -> Option<String> {
    match &arg.node {
        Some(NodeEnum::TypeName(t)) => Some(type_name_text(t)),
        _ => None,
    }
}

/// The operand types an item writes (`OPERATOR 1 (int4, int8)`, `FUNCTION 1 (int4, int8)
/// f(…)`, or an operator's own), one type standing for both.
fn item_types(item: &CreateOpClassItem) -> Option<(String, String)> {
    let written: Vec<String> = (item.class_args.iter()).filter_map(type_text).collect();
    let from_operator: Vec<String> = match item.itemtype {
        ITEM_OPERATOR => (item.name.iter())
            .flat_map(|n| n.objargs.iter())
            .filter_map(type_text)
            .collect(),
        _ => Vec::new(),
    };
    let types = if written.is_empty() {
        from_operator
    } else {
        written
    };
    match types.as_slice() {
        [left, right, ..] => Some((left.clone(), right.clone())),
        [both] => Some((both.clone(), both.clone())),
        [] => None,
    }
}

/// A family function's operand types from its arguments, as the server takes them for
/// btree and hash support functions: one argument serves its type on both sides.
fn function_types(item: &CreateOpClassItem) -> Option<(String, String)> {
    let arguments: Vec<String> = (item.name.iter())
        .flat_map(|n| n.objargs.iter())
        .filter_map(type_text)
        .collect();
    match arguments.as_slice() {
        [left, right, ..] => Some((left.clone(), right.clone())),
        [both] => Some((both.clone(), both.clone())),
        [] => None,
    }
}
